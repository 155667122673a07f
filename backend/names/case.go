package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fixCase fixes the capitals of one word of a name. A word written in one
// case, "dimas" or "BUDI", becomes "Dimas" and "Budi", and so does a word
// in random case, "bUDi". Each part of a hyphenated name is capitalised
// ("Jean-Pierre"), and so is the letter after an apostrophe that follows a
// single letter ("O'Brien", "D'Angelo"), but not after a longer part:
// Indonesian names of Arabic origin write the ain as an apostrophe
// ("Ma'ruf"). "McDonald" keeps its inner capital.
//
// When capitalise is false the word is a particle inside a name and is
// written in lower case: "Ahmad bin Abdullah", "Ludwig van Beethoven".
func fixCase(w string, capitalise bool) string {
	if !capitalise {
		return strings.ToLower(w)
	}
	var b strings.Builder
	b.Grow(len(w))
	start := true // the next letter starts a part
	part := 0     // letters in the current part
	for _, r := range w {
		switch {
		case r == '-':
			b.WriteRune(r)
			start, part = true, 0
		case r == '\'':
			b.WriteRune(r)
			start = part == 1
			part = 0
		case start:
			b.WriteRune(unicode.ToTitle(r))
			start = false
			part++
		default:
			b.WriteRune(unicode.ToLower(r))
			part++
		}
	}
	out := b.String()
	// "McDonald": keep the capital after "Mc" when the writer put it there.
	if len(w) > 3 && strings.HasPrefix(out, "Mc") {
		if r, _ := utf8.DecodeRuneInString(w[2:]); unicode.IsUpper(r) && !isUpperWord(w) {
			return "Mc" + strings.ToUpper(w[2:3]) + out[3:]
		}
	}
	return out
}

// isUpperWord reports a word without lower-case letters.
func isUpperWord(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}
