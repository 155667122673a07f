package phone

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanState is what the scanner made of its input before any country rules
// are applied.
type scanState uint8

const (
	scanOK    scanState = iota // digits were found; interpret them
	scanEmpty                  // blanks, separators or a placeholder only
	scanJunk                   // letters or symbols that are not formatting
	scanLossy                  // scientific notation that lost digits
)

// scanner turns raw input into a run of ASCII digits, an optional leading
// plus and the repairs it made. It is a value type so that it lives on the
// stack of the fast path.
type scanner struct {
	d     [maxDigits]byte
	nd    int // digits seen; may exceed maxDigits, then only the count is kept
	plus  bool
	flags reasonSet
	state scanState
}

func (s *scanner) add(c byte) {
	if s.nd < maxDigits {
		s.d[s.nd] = c
	}
	s.nd++
}

// scan fills s from raw. The loop handles the common case, ASCII digits and
// separators, byte by byte; everything unusual goes to slow, which may look
// at the whole input again.
func (s *scanner) scan(raw string) {
	str := trimBlank(raw)
	if str == "" {
		s.state = scanEmpty
		return
	}
	// Spreadsheet text markers come first, as they wrap everything else.
	if str[0] == '\'' {
		s.flags |= rApostrophe
		str = trimBlank(str[1:])
	}
	if len(str) >= 3 && str[0] == '=' && str[1] == '"' && str[len(str)-1] == '"' {
		s.flags |= rFormula
		str = trimBlank(str[2 : len(str)-1])
	}
	if str == "" {
		s.state = scanEmpty
		return
	}

	// sep records whether any separator has been seen. A trailing ".0" is a
	// float artefact only on a plain run of digits: in "021.555.0" the dots
	// are formatting.
	sep := false
	for i := 0; i < len(str); {
		c := str[i]
		switch {
		case c >= '0' && c <= '9':
			s.add(c)
			i++
		case c == ' ' || c == '-' || c == '(' || c == ')' || c == '/' || c == '\t' || c == '\n' || c == '\r':
			sep = true
			i++
		case c == '.' || c == ',':
			if !sep && s.nd > 0 && zeroFraction(str[i+1:]) {
				s.flags |= rFloat
				return
			}
			if c == ',' {
				s.slow(str, i)
				return
			}
			sep = true
			i++
		case c == '+':
			if s.nd != 0 || s.plus {
				s.slow(str, i)
				return
			}
			s.plus = true
			i++
		case c < utf8.RuneSelf:
			s.slow(str, i)
			return
		default:
			r, size := utf8.DecodeRuneInString(str[i:])
			switch class, v := classifyRune(r); class {
			case runeFullwidth:
				s.flags |= rFullwidth
				s.add('0' + v)
			case runeDigit:
				s.flags |= rUnicodeDigits
				s.add('0' + v)
			case runeBlank, runeSep:
				sep = true
			case runePlus:
				if s.nd != 0 || s.plus {
					s.slow(str, i)
					return
				}
				s.plus = true
			default:
				s.slow(str, i)
				return
			}
			i += size
		}
	}
	if s.nd == 0 {
		if s.plus {
			// A lone "+" is the start of a number nobody finished.
			s.state = scanJunk
		} else {
			// Only separators, such as "-" or "( )": a placeholder.
			s.state = scanEmpty
			s.flags |= rPlaceholder
		}
	}
}

// slow handles input the byte loop could not: scientific notation,
// extensions, placeholder words and junk. str is the trimmed, unwrapped
// input and i the index of the first character the loop did not accept.
func (s *scanner) slow(str string, i int) {
	if s.scientific(str) {
		return
	}
	if s.nd > 0 && isExtension(str[i:]) {
		// The digits before the marker are the number.
		s.flags |= rExtension
		return
	}
	if s.nd == 0 && !s.plus && isPlaceholder(str) {
		s.state = scanEmpty
		s.flags |= rPlaceholder
		return
	}
	s.state = scanJunk
}

// scientific recognises the way spreadsheets show long numbers:
// an optional "+", digits, an optional "." or "," fraction, "E" or "e", and
// an exponent of one or two digits. It reports false when str has another
// shape. The digits are exact only when the fraction holds at least as many
// digits as the exponent says; fewer means the spreadsheet rounded digits
// away, and the scanner says lossy instead of guessing them.
func (s *scanner) scientific(str string) bool {
	i := 0
	plus := false
	if i < len(str) && str[i] == '+' {
		plus = true
		i++
	}
	intStart := i
	for i < len(str) && isDigit(str[i]) {
		i++
	}
	intPart := str[intStart:i]
	if intPart == "" {
		return false
	}
	frac := ""
	if i < len(str) && (str[i] == '.' || str[i] == ',') {
		i++
		start := i
		for i < len(str) && isDigit(str[i]) {
			i++
		}
		frac = str[start:i]
	}
	if i >= len(str) || (str[i] != 'e' && str[i] != 'E') {
		return false
	}
	i++
	neg := false
	if i < len(str) && (str[i] == '+' || str[i] == '-') {
		neg = str[i] == '-'
		i++
	}
	expStart := i
	for i < len(str) && isDigit(str[i]) {
		i++
	}
	if i != len(str) || i == expStart || i-expStart > 2 {
		return false
	}
	exp := 0
	for _, c := range []byte(str[expStart:]) {
		exp = exp*10 + int(c-'0')
	}
	switch {
	case neg && exp > 0:
		// 6.2E-5 is a fraction, not a phone number.
		s.state = scanJunk
	case exp > len(frac):
		s.state = scanLossy
	case strings.Trim(frac[exp:], "0") != "":
		// Digits after the decimal point remain: a fraction again.
		s.state = scanJunk
	default:
		s.state = scanOK
		s.plus = plus
		s.flags |= rScientific
		s.nd = 0
		for _, c := range []byte(intPart) {
			s.add(c)
		}
		for _, c := range []byte(frac[:exp]) {
			s.add(c)
		}
	}
	return true
}

// extensionMarkers are the words that introduce an extension, longest
// first so that "ext" does not stop "extension" from matching. "psw",
// "pes" and "pesawat" are the Indonesian ones ("pesawat" is the handset).
var extensionMarkers = [...]string{"extension", "pesawat", "ext", "psw", "pes", "x"}

// isExtension reports whether tail, the rest of the input from the first
// letter or symbol on, is an extension: an optional ";" or ",", a marker, an
// optional ".", ":" or "=", and one to seven digits.
func isExtension(tail string) bool {
	t := strings.TrimLeft(tail, " \t;,")
	found := false
	for _, m := range extensionMarkers {
		if len(t) >= len(m) && strings.EqualFold(t[:len(m)], m) {
			t = t[len(m):]
			found = true
			break
		}
	}
	if !found {
		return false
	}
	if t != "" && (t[0] == '.' || t[0] == ':' || t[0] == '=') {
		t = t[1:]
	}
	t = strings.Trim(t, " \t")
	if len(t) == 0 || len(t) > 7 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if !isDigit(t[i]) {
			return false
		}
	}
	return true
}

// placeholders are what people and programs write into a cell that has no
// number: English, Indonesian, Excel's #N/A and pandas' NaN.
var placeholders = [...]string{
	"n/a", "na", "n.a.", "#n/a", "nan", "null", "nil", "none", "?",
	"tidak ada", "tdk ada", "belum ada", "kosong",
}

func isPlaceholder(str string) bool {
	for _, p := range placeholders {
		if strings.EqualFold(str, p) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// zeroFraction reports whether rest, what follows a "." or ",", is one or
// more zeros and nothing else.
func zeroFraction(rest string) bool {
	if rest == "" {
		return false
	}
	for i := 0; i < len(rest); i++ {
		if rest[i] != '0' {
			return false
		}
	}
	return true
}

// Rune classes of non-ASCII input.
const (
	runeOther     = iota
	runeBlank     // spaces and invisible marks: ignored, also when trimming
	runeSep       // dashes, full-width punctuation: formatting like "-"
	runePlus      // full-width plus
	runeFullwidth // U+FF10–U+FF19
	runeDigit     // a decimal digit of another script
)

// classifyRune sorts a non-ASCII rune and, for digits, returns its value.
func classifyRune(r rune) (class int, digit byte) {
	switch {
	case r >= 0xFF10 && r <= 0xFF19:
		return runeFullwidth, byte(r - 0xFF10)
	case r == 0x00A0, r == 0x00AD, r == 0x1680, r == 0x180E,
		r >= 0x2000 && r <= 0x200F, // spaces, zero-width space and joiners, LRM, RLM
		r >= 0x2028 && r <= 0x202F, // line separators, bidi embeddings, narrow no-break space
		r >= 0x205F && r <= 0x2064, // medium space, word joiner, invisible operators
		r >= 0x2066 && r <= 0x2069, // bidi isolates
		r == 0x3000, r == 0xFEFF:
		return runeBlank, 0
	case r >= 0x2010 && r <= 0x2015, r == 0x2212, r == 0xFE58, r == 0xFE63,
		r == 0xFF08, r == 0xFF09, r == 0xFF0D, r == 0xFF0E, r == 0xFF0F:
		return runeSep, 0
	case r == 0xFF0B:
		return runePlus, 0
	}
	if v, ok := digitValue(r); ok {
		return runeDigit, v
	}
	return runeOther, 0
}

// digitValue returns the value of a decimal digit (Unicode category Nd).
// Unicode assigns decimal digits only in contiguous runs of ten, from zero
// to nine, so the offset from the start of a range in the Nd table, modulo
// ten, is the value, even where a table range joins several runs.
func digitValue(r rune) (byte, bool) {
	if !unicode.IsDigit(r) {
		return 0, false
	}
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return byte((r - rune(rg.Lo)) % 10), true
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return byte((r - rune(rg.Lo)) % 10), true
		}
	}
	return 0, false
}

// trimBlank removes ASCII white space and the invisible Unicode marks of
// runeBlank from both ends, so that a number wrapped in bidi marks can still
// show a leading apostrophe or formula.
func trimBlank(s string) string {
	for len(s) > 0 {
		c := s[0]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			s = s[1:]
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeRuneInString(s)
		if class, _ := classifyRune(r); class != runeBlank {
			break
		}
		s = s[size:]
	}
	for len(s) > 0 {
		c := s[len(s)-1]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			s = s[:len(s)-1]
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeLastRuneInString(s)
		if class, _ := classifyRune(r); class != runeBlank {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}
