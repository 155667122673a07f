package importer

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"kontak/backend/phone"
)

// phones judges whether a cell holds a phone number, for header detection and for
// mapping a table without a header. Indonesia is the app's default country; a number of
// another country written with "+" is recognised all the same.
var phones = func() *phone.Normalizer {
	n, err := phone.New("ID")
	if err != nil {
		panic(err) // "ID" is always known
	}
	return n
}()

// isPhone reports whether s is a valid phone number.
func isPhone(s string) bool {
	var buf [24]byte
	_, st := phones.AppendCanonical(buf[:0], s)
	return st == phone.StatusValid
}

// isEmail reports whether s has the shape of an e-mail address: one "@", something
// before it, a dot in the domain and no spaces.
func isEmail(s string) bool {
	s = strings.TrimSpace(s)
	at := strings.IndexByte(s, '@')
	if at <= 0 || at != strings.LastIndexByte(s, '@') || strings.ContainsAny(s, " \t,;<>\"") {
		return false
	}
	dom := s[at+1:]
	dot := strings.LastIndexByte(dom, '.')
	return dot > 0 && dot < len(dom)-1
}

// looksLikeData reports whether a row holds a phone number or an e-mail address, which
// no header row does.
func looksLikeData(cells []string) bool {
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if isEmail(c) || isPhone(c) {
			return true
		}
	}
	return false
}

// headerish reports whether the non-empty cells of a row read like column names: short,
// mostly text, mostly distinct.
func headerish(cells []string) bool {
	n, letters := 0, 0
	seen := make(map[string]bool, len(cells))
	dup := 0
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		n++
		if utf8.RuneCountInString(c) > 80 {
			return false
		}
		if strings.IndexFunc(c, unicode.IsLetter) >= 0 {
			letters++
		}
		k := strings.ToLower(c)
		if seen[k] {
			dup++
		}
		seen[k] = true
	}
	return n > 0 && letters*2 >= n && dup*5 <= n
}

// nonEmpty counts the cells that hold something.
func nonEmpty(cells []string) int {
	n := 0
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// findHeader returns the row number of the header among the first non-blank rows of a
// table, or 0 when the table has none. The header is the first row, within the first 20,
// whose cells read like column names and whose following rows are no wider than it
// (allowing a column or so of unnamed data). That passes over the title rows and merged
// title cells people put above a table: a title has one cell over a wider table. A row
// of values (a phone number, an e-mail address, or mostly numbers) before any such row
// means the data starts at once.
func findHeader(rows []rawRow) int {
	limit := min(len(rows), headerSearchRows)
	for i := 0; i < limit; i++ {
		cells := rows[i].cells
		if looksLikeData(cells) || !headerish(cells) {
			return 0
		}
		if followedByData(rows, i) {
			return rows[i].row
		}
	}
	// Nothing fits: take the first row as the header, as a spreadsheet user would.
	if len(rows) > 0 && !looksLikeData(rows[0].cells) && headerish(rows[0].cells) {
		return rows[0].row
	}
	return 0
}

// followedByData reports whether the rows after rows[i] fit under it as a header: most of
// the next three rows are no wider than the header plus a little, and a header
// of one cell only heads a table of one column. A header with no rows after it fits: the
// file then has a header and no data, which Open reports as such.
func followedByData(rows []rawRow, i int) bool {
	h := rows[i].cells
	hw := len(trimTrailingEmpty(h))
	single := nonEmpty(h) == 1
	slack := max(1, hw/4)
	seen, fit := 0, 0
	for j := i + 1; j < len(rows) && seen < 3; j++ {
		cells := rows[j].cells
		seen++
		dw := len(trimTrailingEmpty(cells))
		if single && dw > 1 {
			return false
		}
		if dw <= hw+slack {
			fit++
		}
	}
	return seen == 0 || fit*2 > seen
}

// cleanText trims a cell and turns every run of white space, line breaks and invisible
// marks inside it into one space. A clean string is returned as it is, without copying,
// which is the common case and keeps the reader from allocating per cell.
func cleanText(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case invisible(r):
			continue
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r) // an invalid byte comes out as U+FFFD

	}
	return b.String()
}

// isClean reports whether cleanText would leave s as it is: printable ASCII with single
// inner spaces and none at the ends. Anything else takes the slow path.
func isClean(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prev := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7F || c == ' ' && prev == ' ' {
			return false
		}
		prev = c
	}
	return true
}

// invisible reports the zero-width and direction marks that copy-paste from chat apps and
// web pages leaves in names.
func invisible(r rune) bool {
	switch {
	case r == 0xFEFF, r == 0x00AD, r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E,
		r >= 0x2060 && r <= 0x2064, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

func itoa(i int) string { return strconv.Itoa(i) }
