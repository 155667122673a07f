package campaigns

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"kontak/backend/contacts"
)

// A message is text with variables: {name}, {phone}, or any custom field's key, matched
// ignoring case, each with an optional fallback for recipients who lack it: {name|Kak}.
// Braces that do not hold a variable ({}, { }, {"a":1}, a lone { or }) are kept as typed.

// segment is a piece of a parsed message: literal text, or a variable.
type segment struct {
	text     string // the literal text, or the variable as typed (for reports)
	variable bool
	key      string // lower-case key of a variable
	fallback string
	hasFall  bool
}

// maxVariableLength bounds a variable's key, as contacts bound a custom field's key.
const maxVariableLength = contacts.MaxFieldKeyLength

// template is a parsed message.
type template struct {
	segs []segment
	vars []segment // each variable once (by key), in order of first appearance
}

func parseTemplate(msg string) *template {
	t := &template{}
	lit := strings.Builder{}
	flush := func() {
		if lit.Len() > 0 {
			t.segs = append(t.segs, segment{text: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(msg); {
		if msg[i] != '{' {
			j := strings.IndexByte(msg[i:], '{')
			if j < 0 {
				lit.WriteString(msg[i:])
				break
			}
			lit.WriteString(msg[i : i+j])
			i += j
			continue
		}
		end := strings.IndexByte(msg[i+1:], '}')
		if end < 0 {
			lit.WriteString(msg[i:])
			break
		}
		inner := msg[i+1 : i+1+end]
		key, fallback, hasFall := strings.Cut(inner, "|")
		key = strings.TrimSpace(key)
		if !validKey(key) || strings.ContainsAny(fallback, "{\n") {
			lit.WriteByte('{')
			i++
			continue
		}
		flush()
		seg := segment{text: key, variable: true, key: strings.ToLower(key), fallback: fallback, hasFall: hasFall}
		t.segs = append(t.segs, seg)
		seen := false
		for _, v := range t.vars {
			if v.key == seg.key && v.hasFall == seg.hasFall {
				seen = true
				break
			}
		}
		if !seen {
			t.vars = append(t.vars, seg)
		}
		i += end + 2
	}
	flush()
	return t
}

// validKey accepts what a custom field's key can be: it starts with a letter or digit
// and holds no braces, quotes or line breaks.
func validKey(k string) bool {
	if k == "" || utf8.RuneCountInString(k) > maxVariableLength || strings.ContainsAny(k, "{}\"\n\r|") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(k)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// builtin reports {name} and {phone}, which every contact has.
func builtin(key string) bool { return key == "name" || key == "phone" }

// value is a variable's value for a contact and whether the contact has the field.
func value(c *contacts.Contact, key string) (string, bool) {
	switch key {
	case "name":
		return strings.TrimSpace(c.Name), true
	case "phone":
		if c.Display != "" {
			return c.Display, true
		}
		return c.Phone, true
	}
	for _, f := range c.Fields {
		if strings.EqualFold(strings.TrimSpace(f.Key), key) {
			return strings.TrimSpace(f.Value), true
		}
	}
	return "", false
}

// render writes the message for one contact. empty is called with each variable without
// a fallback that renders empty, once per variable.
func (t *template) render(c *contacts.Contact, empty func(key string)) string {
	var b strings.Builder
	var reported []string
	for _, s := range t.segs {
		if !s.variable {
			b.WriteString(s.text)
			continue
		}
		v, _ := value(c, s.key)
		if v == "" {
			if s.hasFall {
				v = s.fallback
			} else if empty != nil && !contains(reported, s.key) {
				reported = append(reported, s.key)
				empty(s.key)
			}
		}
		b.WriteString(v)
	}
	return b.String()
}

// customKeys reports whether the message has a variable that is not {name} or {phone}.
func (t *template) hasCustom() bool {
	for _, v := range t.vars {
		if !builtin(v.key) {
			return true
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
