package contacts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// foldSearch turns text into the form search compares: lower case without accents, so
// "Désirée" is found by "desiree". Indonesian names are nearly always ASCII, so that case
// skips the Unicode machinery.
func foldSearch(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return cases.Fold().String(out)
}

// FoldGroupName is the key under which group names are unique: "VIP", "vip" and "Vip"
// are the same group, while accents still tell names apart.
func FoldGroupName(name string) string {
	return cases.Fold().String(norm.NFC.String(name))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// cleanText makes user-typed text safe to store: valid UTF-8, no control characters,
// runs of white space collapsed to one space, trimmed.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
		case unicode.IsControl(r) || r == '\u200b' || r == '\ufeff':
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanMultiline is cleanText for longer text such as descriptions: line breaks stay.
func cleanMultiline(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = cleanText(l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
