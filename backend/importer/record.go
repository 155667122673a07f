package importer

import (
	"regexp"
	"strings"
)

// plan is a Mapping compiled against a header: for each role, the columns to read. It
// turns a row of cells into a Record without looking anything up per row.
type plan struct {
	names, first, middle, last []int
	phones                     []phoneCol
	emails                     []keyCol
	groups                     []int
	fields                     []keyCol
	optOut                     []int
}

type phoneCol struct {
	col   int
	label string
	// kind is the column that names this phone's kind row by row, as Google's
	// "Phone 1 - Type" does for "Phone 1 - Value"; -1 when there is none.
	kind int
}

type keyCol struct {
	col int
	key string
}

// valueHeader matches the value column of a Google-style pair, "Phone 1 - Value", and
// gives its stem, "Phone 1".
var valueHeader = regexp.MustCompile(`(?i)^(.*?)\s*-\s*value$`)

// kindHeader matches the kind column of such a pair, "Phone 1 - Type" or
// "Phone 1 - Label".
var kindHeader = regexp.MustCompile(`(?i)^(.*?)\s*-\s*(type|label)$`)

// newPlan compiles m against the header. Columns with a role it does not know are
// ignored, like RoleIgnore ones.
func newPlan(header []string, m Mapping) *plan {
	p := &plan{}
	colName := func(i int) string {
		if i < len(header) {
			return header[i]
		}
		return columnName(i)
	}
	for i, c := range m.Columns {
		switch c.Role {
		case RoleName:
			p.names = append(p.names, i)
		case RoleFirstName:
			p.first = append(p.first, i)
		case RoleMiddleName:
			p.middle = append(p.middle, i)
		case RoleLastName:
			p.last = append(p.last, i)
		case RolePhone:
			pc := phoneCol{col: i, label: normLabel(c.Key), kind: -1}
			if pc.label == "" {
				pc.kind = kindColumn(header, colName(i))
			}
			p.phones = append(p.phones, pc)
		case RoleEmail:
			p.emails = append(p.emails, keyCol{i, fieldKey(c.Key, colName(i))})
		case RoleGroup:
			p.groups = append(p.groups, i)
		case RoleField:
			p.fields = append(p.fields, keyCol{i, fieldKey(c.Key, colName(i))})
		case RoleOptOut:
			p.optOut = append(p.optOut, i)
		}
	}
	return p
}

// fieldKey is the key of a custom field: the one the mapping gives, else the header.
func fieldKey(key, header string) string {
	if k := cleanText(key); k != "" {
		return k
	}
	return header
}

// kindColumn finds the column that names the kind of the phone in the column called
// name: "Phone 1 - Type" (Google's old export) or "Phone 1 - Label" (its current one) for
// "Phone 1 - Value". It returns -1 when there is none.
func kindColumn(header []string, name string) int {
	m := valueHeader.FindStringSubmatch(name)
	if m == nil {
		return -1
	}
	stem := strings.ToLower(m[1])
	for i, h := range header {
		hm := kindHeader.FindStringSubmatch(h)
		if hm != nil && strings.ToLower(hm[1]) == stem {
			return i
		}
	}
	return -1
}

// cell returns column i of a row, trimmed, or "" when the row is shorter.
func cell(cells []string, i int) string {
	if i >= len(cells) {
		return ""
	}
	return strings.TrimSpace(cells[i])
}

// googleSep joins several values in one cell of a Google Contacts export.
const googleSep = " ::: "

func (p *plan) build(row int, cells []string) Record {
	rec := Record{Row: row}
	for _, i := range p.names {
		if v := cleanText(cell(cells, i)); v != "" {
			rec.Name = v
			break
		}
	}
	if rec.Name == "" && len(p.first)+len(p.middle)+len(p.last) > 0 {
		rec.Name = joinName(cells, p.first, p.middle, p.last)
	}
	if len(p.phones) > 0 {
		rec.Phones = make([]Phone, 0, len(p.phones))
		for _, pc := range p.phones {
			v := cell(cells, pc.col)
			if v == "" {
				continue
			}
			label := pc.label
			if pc.kind >= 0 {
				label = labelFromKind(cell(cells, pc.kind))
			}
			if !strings.Contains(v, ":::") {
				rec.Phones = append(rec.Phones, Phone{Value: v, Label: label})
				continue
			}
			for part := range strings.SplitSeq(v, ":::") {
				if part = strings.TrimSpace(part); part != "" {
					rec.Phones = append(rec.Phones, Phone{Value: part, Label: label})
				}
			}
		}
		if len(rec.Phones) == 0 {
			rec.Phones = nil
		}
	}
	for _, ec := range p.emails {
		v := cell(cells, ec.col)
		if v == "" {
			continue
		}
		if rec.Email == "" && !strings.Contains(v, ":::") {
			rec.Email = v
			continue
		}
		for part := range strings.SplitSeq(v, ":::") {
			part = strings.TrimSpace(part)
			switch {
			case part == "":
			case rec.Email == "":
				rec.Email = part
			default:
				// A second address has no place of its own; keep it rather than lose it.
				rec.Fields = append(rec.Fields, Field{Key: ec.key, Value: part})
			}
		}
	}
	for _, i := range p.groups {
		rec.Groups = appendGroups(rec.Groups, cell(cells, i))
	}
	for _, fc := range p.fields {
		if v := cell(cells, fc.col); v != "" {
			rec.Fields = append(rec.Fields, Field{Key: fc.key, Value: v})
		}
	}
	for _, i := range p.optOut {
		if truthy(cell(cells, i)) {
			rec.OptOut = true
		}
	}
	return rec
}

// truthy reports whether an opt-out cell says yes: ya, yes, y, true, 1, x, stop or
// berhenti, in any case (a ✓ too, as people tick boxes).
func truthy(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "ya", "yes", "y", "true", "1", "x", "stop", "berhenti", "✓", "✔":
		return true
	}
	return false
}

// joinName joins the first, middle and last name cells with single spaces.
func joinName(cells []string, cols ...[]int) string {
	var b strings.Builder
	for _, cs := range cols {
		for _, i := range cs {
			v := cleanText(cell(cells, i))
			if v == "" {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(v)
		}
	}
	return b.String()
}

// appendGroups splits a group cell on ",", ";", "|" and Google's " ::: ", and appends the
// names that are not already there (ignoring case). Google's system labels are dropped:
// "* myContacts" is every contact and "* starred" a favourite, not groups anyone made.
// Google marks its other built-in groups with "* " ("* Friends"); they are kept without
// the mark.
func appendGroups(groups []string, v string) []string {
	if v == "" {
		return groups
	}
	if groups == nil {
		// One allocation of about the right size instead of growing name by name.
		n := 1
		for i := 0; i < len(v); i++ {
			switch v[i] {
			case ',', ';', '|', ':':
				n++
			}
		}
		groups = make([]string, 0, n)
	}
	start := 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == ',' || c == ';' || c == '|':
			groups = addGroup(groups, v[start:i])
			start = i + 1
		case c == ':' && strings.HasPrefix(v[i:], ":::"):
			groups = addGroup(groups, v[start:i])
			start = i + 3
			i += 2
		}
	}
	return addGroup(groups, v[start:])
}

func addGroup(groups []string, name string) []string {
	name = cleanText(strings.TrimSpace(name))
	if rest, ok := strings.CutPrefix(name, "* "); ok {
		name = strings.TrimSpace(rest)
	}
	if name == "" || systemGroup(name) {
		return groups
	}
	for _, g := range groups {
		if strings.EqualFold(g, name) {
			return groups
		}
	}
	return append(groups, name)
}

// systemGroup reports Google's built-in labels, as its CSV and vCard exports write them.
func systemGroup(name string) bool {
	return strings.EqualFold(name, "mycontacts") || strings.EqualFold(name, "my contacts") ||
		strings.EqualFold(name, "starred")
}

// normLabel turns a phone label set in a mapping into one of the labels a Record uses.
func normLabel(key string) string {
	switch strings.ToLower(strings.TrimSpace(key)) {
	case "":
		return ""
	case LabelMobile:
		return LabelMobile
	case LabelHome:
		return LabelHome
	case LabelWork:
		return LabelWork
	case LabelFax:
		return LabelFax
	}
	return labelFromKind(key)
}

// kindAliases are the one-word kinds that phoneLabelFromWords cannot split.
var kindAliases = map[string]string{
	"iphone": LabelMobile, "homefax": LabelFax, "workfax": LabelFax, "otherfax": LabelFax,
}

// labelFromKind turns the kind a file gives a phone ("Mobile", "* Work", "Home Fax",
// "iPhone", "Kantor", vCard's "_$!<Mobile>!$_") into a label. A kind that says nothing
// ("Main", "Voice") gives no label; any other custom kind is "other".
func labelFromKind(kind string) string {
	kind = strings.TrimPrefix(strings.TrimSpace(kind), "* ")
	kind = strings.TrimSuffix(strings.TrimPrefix(kind, "_$!<"), ">!$_")
	words := headerTokens(kind)
	if len(words) == 0 {
		return ""
	}
	for _, w := range words {
		if l, ok := kindAliases[w]; ok {
			return l
		}
	}
	if l := phoneLabelFromWords(words); l != "" {
		return l
	}
	for _, w := range words {
		switch w {
		case "main", "primary", "voice", "pref", "phone", "telepon", "tel":
			return ""
		}
	}
	return LabelOther
}
