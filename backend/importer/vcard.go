package importer

// The vCard reader is written here rather than taken from github.com/emersion/go-vcard
// because that library reads vCard 3.0 and 4.0 only: it does not decode vCard 2.1's
// QUOTED-PRINTABLE values or their CHARSET parameter (its issue #32), which is what
// Android and feature phones export, and it holds each card whole in memory, photos
// included. This reader streams line by line, keeps at most maxLine bytes of any
// property, and never stores a photo at all.

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

// maxCardDepth is how deeply cards may nest (vCard 2.1's AGENT embeds a card in a card).
// Deeper cards are read past.
const maxCardDepth = 8

// isVCard reports whether decoded text starts, after blank lines, with BEGIN:VCARD.
func isVCard(text []byte) bool {
	t := bytes.TrimLeft(text, " \t\r\n")
	return len(t) >= 11 && bytes.EqualFold(t[:11], []byte("BEGIN:VCARD"))
}

// checkCards reads the first card of a vCard file, so that Open reports a file with no
// readable card at once instead of an import that finds nothing.
func (s *Source) checkCards(enc textEncoding) error {
	s.cardEnc = enc
	c, err := s.openCards()
	if err != nil {
		return err
	}
	defer c.close()
	if _, err := c.next(); err != nil {
		if err == io.EOF {
			return errNoRows()
		}
		return err
	}
	if c.firstBroken {
		return errVCardMalformed(1)
	}
	return nil
}

// openCards starts reading the cards of a vCard file from the beginning.
func (s *Source) openCards() (*cardReader, error) {
	f, err := os.Open(s.Path)
	if err != nil {
		return nil, errUnreadable("open file", err)
	}
	if _, err := f.Seek(int64(s.cardEnc.bom), io.SeekStart); err != nil {
		f.Close()
		return nil, errUnreadable("read file", err)
	}
	c := &cardReader{f: f, count: &countingReader{r: f, n: int64(s.cardEnc.bom)}, size: s.Size}
	var r io.Reader = c.count
	// UTF-16 is decoded for the whole stream; 8-bit files are read as bytes, because
	// vCard 2.1 gives each value its own CHARSET.
	switch s.cardEnc.name {
	case EncUTF16LE, EncUTF16BE:
		r = s.cardEnc.decoder(r)
		c.utf8Stream = true
	case EncUTF8BOM:
		c.utf8Stream = true
	}
	c.br = bufio.NewReaderSize(transform.NewReader(r, lineBreaks{}), 64<<10)
	return c, nil
}

// cardReader streams the cards of a vCard file.
type cardReader struct {
	f     *os.File
	count *countingReader
	br    *bufio.Reader
	size  int64
	// utf8Stream says the stream is known to be UTF-8 (a UTF-16 or BOM file), so a
	// CHARSET parameter on a plain value is stale and ignored.
	utf8Stream bool

	ahead    []byte // the next physical line, read to see whether it continues this one
	hasAhead bool
	eof      bool
	err      error

	val   []byte // the value of the property being read
	stack []*card
	queue []Record // finished cards not yet returned
	cards int      // cards returned so far
	// firstBroken is set when the first card has lines but no property that parses.
	firstBroken bool
}

// card collects one contact card's properties.
type card struct {
	version  string
	fn       string
	n        []string
	org      string
	nickname string
	phones   []cardPhone
	emails   int
	email    string
	groups   []string
	fields   []Field
	keys     map[string]int
	labels   map[string]string // X-ABLabel by item group
	props    int               // properties read, VERSION aside
	junk     int               // lines that are not properties
}

type cardPhone struct {
	value, group string
	types        []string
}

// property is one parsed content line.
type property struct {
	group, name string // name in upper case
	types       []string
	charset     string
	qp, binary  bool
	value       []byte
}

func (c *cardReader) close() error {
	if c.f == nil {
		return nil
	}
	err := c.f.Close()
	c.f = nil
	return err
}

func (c *cardReader) done() int64 {
	if c.eof && !c.hasAhead && len(c.queue) == 0 {
		return c.size
	}
	return min(c.count.n, c.size)
}

// next returns the next card. Cards that are not closed before the end of the file are
// returned as they are; lines that are not properties are skipped.
func (c *cardReader) next() (Record, error) {
	for {
		if len(c.queue) > 0 {
			rec := c.queue[0]
			c.queue = c.queue[1:]
			return rec, nil
		}
		if c.err != nil {
			return Record{}, c.err
		}
		p, err := c.property()
		if err == io.EOF {
			if len(c.stack) == 0 {
				c.err = io.EOF
				continue
			}
			c.finish()
			continue
		}
		if err != nil {
			c.err = err
			return Record{}, err
		}
		if p == nil {
			if top := c.top(); top != nil {
				top.junk++
			}
			continue
		}
		switch {
		case p.name == "BEGIN" && strings.EqualFold(strings.TrimSpace(string(p.value)), "VCARD"):
			if len(c.stack) >= maxCardDepth {
				c.stack = append(c.stack, nil)
			} else {
				c.stack = append(c.stack, &card{})
			}
		case p.name == "END" && strings.EqualFold(strings.TrimSpace(string(p.value)), "VCARD"):
			if len(c.stack) > 0 {
				c.finish()
			}
		default:
			if top := c.top(); top != nil {
				c.apply(top, p)
			}
		}
	}
}

func (c *cardReader) top() *card {
	if len(c.stack) == 0 {
		return nil
	}
	return c.stack[len(c.stack)-1]
}

// finish closes the innermost card and queues its record. A card with no property at
// all is dropped, unless it had lines that failed to parse: that one is returned empty,
// so the import reports its row instead of losing it silently.
func (c *cardReader) finish() {
	k := c.top()
	c.stack = c.stack[:len(c.stack)-1]
	if k == nil || k.props == 0 && k.junk == 0 {
		return
	}
	c.cards++
	if c.cards == 1 && k.props == 0 {
		c.firstBroken = true
	}
	c.queue = append(c.queue, k.record(c.cards))
}

// physical returns the next physical line without its line break. Of a line longer than
// maxLine only the first maxLine bytes are kept; the rest is read past.
func (c *cardReader) physical() ([]byte, error) {
	if c.hasAhead {
		c.hasAhead = false
		return c.ahead, nil
	}
	if c.eof {
		return nil, io.EOF
	}
	c.ahead = c.ahead[:0]
	for {
		part, err := c.br.ReadSlice('\n')
		if room := maxLine - len(c.ahead); room > 0 {
			c.ahead = append(c.ahead, part[:min(len(part), room)]...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			c.eof = true
			if len(c.ahead) == 0 && len(part) == 0 {
				return nil, io.EOF
			}
		} else if err != nil {
			return nil, errUnreadable("read file", err)
		}
		break
	}
	return bytes.TrimRight(c.ahead, "\r\n"), nil
}

// unread puts a physical line back, to be returned by the next call to physical.
func (c *cardReader) unread(line []byte) {
	c.ahead = line
	c.hasAhead = true
}

// property reads the next content line with its continuation lines: folded lines
// (starting with a space or tab), quoted-printable soft line breaks (a value ending in
// "="), and the unindented base64 lines some vCard 2.1 writers put under a photo. It
// returns nil for a line that is not a property.
func (c *cardReader) property() (*property, error) {
	var line []byte
	for {
		l, err := c.physical()
		if err != nil {
			return nil, err
		}
		if len(bytes.TrimSpace(l)) > 0 {
			line = l
			break
		}
	}
	colon := valueStart(line)
	if colon < 0 {
		return nil, nil
	}
	p := parseHead(line[:colon])
	if p == nil {
		return nil, nil
	}
	c.val = append(c.val[:0], line[colon+1:]...)
	for {
		l, err := c.physical()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch {
		case p.qp && len(c.val) > 0 && c.val[len(c.val)-1] == '=' && !cardBoundary(l):
			c.val = append(c.val[:len(c.val)-1], l...)
		case len(l) > 0 && (l[0] == ' ' || l[0] == '\t'):
			if !p.binary {
				c.val = append(c.val, l[1:]...)
			}
		case p.binary && len(l) > 0 && bytes.IndexByte(l, ':') < 0:
			// A base64 line without indentation: still the photo.
		case len(c.val) > 0 && c.val[len(c.val)-1] == '\\' && valueStart(l) < 0:
			// Some vCard 2.1 writers break a long address with a backslash at the end
			// of the line.
			c.val = append(c.val[:len(c.val)-1], '\n')
			c.val = append(c.val, l...)
		default:
			c.unread(l)
			p.value = c.val
			return p, nil
		}
		if len(c.val) > maxLine {
			c.val = c.val[:maxLine]
		}
	}
	p.value = c.val
	return p, nil
}

// cardBoundary reports whether a line begins or ends a card, which no value may swallow,
// even after a stray "=" at the end of a quoted-printable line.
func cardBoundary(l []byte) bool {
	return len(l) >= 9 && (bytes.EqualFold(l[:9], []byte("END:VCARD")) ||
		len(l) >= 11 && bytes.EqualFold(l[:11], []byte("BEGIN:VCARD")))
}

// valueStart returns the index of the colon that ends a property's name and parameters,
// skipping colons inside quoted parameter values, or -1.
func valueStart(line []byte) int {
	quoted := false
	for i, b := range line {
		switch b {
		case '"':
			quoted = !quoted
		case ':':
			if !quoted {
				return i
			}
		}
	}
	return -1
}

// parseHead parses "group.NAME;PARAM=a,b;BARE" into a property without value. It returns
// nil when the name is not a valid property name, as with a comment line.
func parseHead(head []byte) *property {
	parts := splitUnquoted(string(head), ';')
	name := strings.TrimSpace(parts[0])
	p := &property{}
	if g, n, ok := strings.Cut(name, "."); ok {
		p.group, name = strings.ToLower(g), n
	}
	if name == "" || strings.IndexFunc(name, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_')
	}) >= 0 {
		return nil
	}
	p.name = strings.ToUpper(name)
	for _, param := range parts[1:] {
		k, v, ok := strings.Cut(param, "=")
		k = strings.ToUpper(strings.TrimSpace(k))
		if !ok {
			// vCard 2.1 writes bare values: TEL;CELL;PREF, PHOTO;BASE64.
			v, k = k, ""
			switch v {
			case "QUOTED-PRINTABLE":
				k = "ENCODING"
			case "BASE64", "B":
				k = "ENCODING"
			default:
				k = "TYPE"
			}
		}
		for _, val := range splitUnquoted(v, ',') {
			val = strings.Trim(strings.TrimSpace(val), `"`)
			switch k {
			case "TYPE":
				if val != "" {
					p.types = append(p.types, strings.ToLower(val))
				}
			case "ENCODING":
				switch strings.ToUpper(val) {
				case "QUOTED-PRINTABLE":
					p.qp = true
				case "BASE64", "B":
					p.binary = true
				}
			case "CHARSET":
				p.charset = val
			}
		}
	}
	switch p.name {
	case "PHOTO", "LOGO", "SOUND", "KEY":
		p.binary = true
	}
	return p
}

// splitUnquoted splits s at sep outside double quotes.
func splitUnquoted(s string, sep byte) []string {
	var out []string
	quoted, start := false, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			quoted = !quoted
		case sep:
			if !quoted {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// text returns a property's value as UTF-8, quoted-printable decoded, but not unescaped;
// the CRLF line breaks that quoted-printable encodes become LF. Bytes that are valid
// UTF-8 are taken as UTF-8 whatever CHARSET says, since exporters often write UTF-8 under
// a stale CHARSET; other bytes are decoded with CHARSET, or as Windows-1252 when there is
// none or it is unknown.
func (c *cardReader) text(p *property) string {
	raw := p.value
	if p.qp {
		raw = bytes.ReplaceAll(decodeQP(raw), []byte("\r\n"), []byte("\n"))
	}
	if utf8.Valid(raw) || c.utf8Stream && !p.qp {
		return string(raw)
	}
	if p.charset != "" {
		if enc, err := htmlindex.Get(p.charset); err == nil {
			if s, err := enc.NewDecoder().Bytes(raw); err == nil {
				return string(s)
			}
		}
	}
	s, _ := charmap.Windows1252.NewDecoder().Bytes(raw)
	return string(s)
}

// decodeQP decodes quoted-printable: "=XX" is a byte, anything else is itself. Soft line
// breaks were removed when the lines were joined.
func decodeQP(b []byte) []byte {
	if bytes.IndexByte(b, '=') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '=' && i+2 < len(b) && isHex(b[i+1]) && isHex(b[i+2]) {
			out = append(out, unhex(b[i+1])<<4|unhex(b[i+2]))
			i += 2
			continue
		}
		out = append(out, b[i])
	}
	return out
}

func isHex(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F'
}

func unhex(b byte) byte {
	switch {
	case b >= 'a':
		return b - 'a' + 10
	case b >= 'A':
		return b - 'A' + 10
	}
	return b - '0'
}

// unescape undoes vCard text escaping. vCard 3.0 and 4.0 escape "\\", "\n", "\,", "\;"
// (and Apple writes "\:"); vCard 2.1 only escapes ";", so its other backslashes are
// literal.
func unescape(s, version string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		n := s[i+1]
		switch {
		case n == ';':
			b.WriteByte(';')
		case version == "2.1":
			b.WriteByte('\\')
			continue
		case n == 'n' || n == 'N':
			b.WriteByte('\n')
		case n == ',' || n == '\\' || n == ':':
			b.WriteByte(n)
		default:
			b.WriteByte('\\')
			continue
		}
		i++
	}
	return b.String()
}

// components splits a structured value (N, ADR, ORG) at unescaped semicolons and
// unescapes each part.
func components(s, version string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case ';':
			out = append(out, unescape(s[start:i], version))
			start = i + 1
		}
	}
	return append(out, unescape(s[start:], version))
}

// apply records one property in the card.
func (c *cardReader) apply(k *card, p *property) {
	if p.name != "VERSION" {
		k.props++
	}
	if p.binary {
		return
	}
	switch p.name {
	case "VERSION":
		k.version = strings.TrimSpace(string(p.value))
	case "FN":
		if k.fn == "" {
			k.fn = cleanText(unescape(c.text(p), k.version))
		}
	case "N":
		if k.n == nil {
			k.n = components(c.text(p), k.version)
		}
	case "ORG":
		org := joinParts(components(c.text(p), k.version), ", ")
		if k.org == "" {
			k.org = org
		}
		k.field("Organization", org)
	case "NICKNAME":
		nick := cleanText(unescape(c.text(p), k.version))
		if k.nickname == "" {
			k.nickname = nick
		}
		k.field("Nickname", nick)
	case "TEL":
		v := strings.TrimSpace(unescape(c.text(p), k.version))
		if len(v) > 4 && strings.EqualFold(v[:4], "tel:") {
			v = v[4:]
		}
		if v != "" {
			k.phones = append(k.phones, cardPhone{value: v, group: p.group, types: p.types})
		}
	case "EMAIL":
		k.addEmail(unescape(c.text(p), k.version))
	case "CATEGORIES":
		k.groups = appendGroups(k.groups, unescape(c.text(p), k.version))
	case "TITLE":
		k.field("Title", unescape(c.text(p), k.version))
	case "NOTE":
		k.field("Note", unescape(c.text(p), k.version))
	case "ADR":
		k.field("Address", joinParts(components(c.text(p), k.version), ", "))
	case "BDAY":
		k.field("Birthday", unescape(c.text(p), k.version))
	case "URL":
		k.field("Website", unescape(c.text(p), k.version))
	case "X-ABLABEL":
		if p.group != "" {
			if k.labels == nil {
				k.labels = map[string]string{}
			}
			k.labels[p.group] = unescape(c.text(p), k.version)
		}
	}
}

// joinParts joins the non-empty parts of a structured value, each cleaned; the line
// breaks inside an address part become spaces.
func joinParts(parts []string, sep string) string {
	var b strings.Builder
	for _, part := range parts {
		part = cleanText(part)
		if part == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(part)
	}
	return b.String()
}

// field adds a custom field; a second one with the same key is numbered ("Address 2").
func (k *card) field(key, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	if k.keys == nil {
		k.keys = map[string]int{}
	}
	k.keys[key]++
	if n := k.keys[key]; n > 1 {
		key += " " + itoa(n)
	}
	k.fields = append(k.fields, Field{Key: key, Value: value})
}

// addEmail keeps the first address as the email and the others as fields "Email 2", ….
// It takes the address out of the forms some phones write: "mailto:…" and
// "Name <address>".
func (k *card) addEmail(v string) {
	v = strings.TrimSpace(v)
	if i := strings.LastIndexByte(v, '<'); i >= 0 {
		if j := strings.IndexByte(v[i:], '>'); j > 0 {
			v = strings.TrimSpace(v[i+1 : i+j])
		}
	}
	if len(v) > 7 && strings.EqualFold(v[:7], "mailto:") {
		v = v[7:]
	}
	if v == "" {
		return
	}
	k.emails++
	if k.emails == 1 {
		k.email = v
		return
	}
	k.fields = append(k.fields, Field{Key: "Email " + itoa(k.emails), Value: v})
}

// record turns the card into a Record. The name is FN, else N in reading order (prefix,
// given, middle, family, suffix), else the organisation or the nickname: phones often
// hold businesses under their company name only.
func (k *card) record(row int) Record {
	rec := Record{Row: row, Email: k.email, Groups: k.groups, Fields: k.fields}
	rec.Name = k.fn
	if rec.Name == "" && len(k.n) > 0 {
		order := []int{3, 1, 2, 0, 4}
		parts := make([]string, 0, len(order))
		for _, i := range order {
			if i < len(k.n) {
				// Several given or middle names are separated by commas in vCard 3.0.
				parts = append(parts, strings.ReplaceAll(k.n[i], ",", " "))
			}
		}
		rec.Name = joinParts(parts, " ")
	}
	if rec.Name == "" {
		rec.Name = k.org
	}
	if rec.Name == "" {
		rec.Name = k.nickname
	}
	for _, ph := range k.phones {
		label := telLabel(ph.types)
		if l, ok := k.labels[ph.group]; ok && ph.group != "" {
			if ll := labelFromKind(l); ll != "" {
				label = ll
			}
		}
		rec.Phones = append(rec.Phones, Phone{Value: ph.value, Label: label})
	}
	return rec
}

// telLabel turns the TYPE parameters of a TEL into a label: fax first (a "home fax" is a
// fax), then mobile, work, home; other kinds (pager, car, ISDN, custom X- types) are
// "other", and the ones that say nothing (voice, pref, msg) give no label.
func telLabel(types []string) string {
	if len(types) == 0 {
		return ""
	}
	var words []string
	for _, t := range types {
		words = append(words, headerTokens(t)...)
	}
	for _, w := range words {
		if l, ok := kindAliases[w]; ok {
			return l
		}
	}
	if l := phoneLabelFromWords(words); l != "" {
		return l
	}
	for _, t := range types {
		switch t {
		case "voice", "pref", "msg", "text", "main", "internet", "x-internet":
		default:
			return LabelOther
		}
	}
	return ""
}
