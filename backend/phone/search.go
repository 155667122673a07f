package phone

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// SearchDigits turns what a user typed into the search box into the digits
// to look for in canonical phone numbers, so that "0812…", "+62 812…" and
// "812…" all find the same contact.
//
// The query may hold digits (also full-width and other scripts), a leading
// "+", and the formatting characters Normalize ignores. If it holds any
// other character, a letter or a symbol, it is a name query and SearchDigits
// returns ("", false); it does the same when there are no digits.
//
// The digits are then read like this, where region is the default region
// ("" or an unknown code means "ID") and its country code is 62 for ID:
//
//   - "+" then digits: the digits as typed, anchored ("+62 812" → "62812").
//   - "00" then digits: the digits after "00", anchored ("0062 812" → "62812").
//   - the region's national prefix ("0" in ID) then digits: the country code
//     replaces it, anchored ("0812 34" → "6281234"; "0" alone → "62").
//   - digits starting with 62 or with the region's country code: as typed,
//     anchored ("62812" → "62812").
//   - any other digits: as typed, not anchored, because a fragment such as
//     "812-3456" ("8123456") may occur anywhere in a number.
//
// In the anchored Indonesian forms a trunk zero after 62 is dropped, as
// Normalize does ("+62 0812" → "62812"). anchored reports whether the
// digits must be a prefix of the canonical phone; otherwise they may occur
// anywhere in it.
func SearchDigits(query string, region string) (digits string, anchored bool) {
	var buf [64]byte
	d := buf[:0]
	plus := false
	for i := 0; i < len(query); {
		c := query[i]
		switch {
		case c >= '0' && c <= '9':
			d = append(d, c)
			i++
			continue
		case c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		case c == '+':
			if len(d) > 0 || plus {
				return "", false
			}
			plus = true
			i++
			continue
		case c < utf8.RuneSelf:
			return "", false
		}
		r, size := utf8.DecodeRuneInString(query[i:])
		switch class, v := classifyRune(r); class {
		case runeFullwidth, runeDigit:
			d = append(d, '0'+v)
		case runeBlank, runeSep:
		case runePlus:
			if len(d) > 0 || plus {
				return "", false
			}
			plus = true
		default:
			return "", false
		}
		i += size
	}
	if len(d) == 0 {
		return "", false
	}

	cc, ndd := "62", "0"
	if r := strings.ToUpper(strings.TrimSpace(region)); r != "" && r != "ID" {
		if code := phonenumbers.GetCountryCodeForRegion(r); code != 0 {
			cc, ndd = strconv.Itoa(code), phonenumbers.GetNddPrefixForRegion(r, true)
		}
	}
	s := string(d)
	switch {
	case plus:
	case strings.HasPrefix(s, "00"):
		s = s[2:]
	case ndd != "" && strings.HasPrefix(s, ndd):
		s = cc + s[len(ndd):]
	case strings.HasPrefix(s, "62") || strings.HasPrefix(s, cc):
	default:
		return s, false
	}
	if strings.HasPrefix(s, "620") && !strings.HasPrefix(s, "6200") {
		s = "62" + s[3:]
	}
	if s == "" {
		return "", false
	}
	return s, true
}
