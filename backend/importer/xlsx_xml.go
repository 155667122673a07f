package importer

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The fast XLSX reader (xlsx_fast.go) scans the XML of a sheet and of the shared-string
// table with xmlScanner instead of encoding/xml, which allocates a token for every tag and
// is most of the cost of reading a large workbook through excelize.
//
// The rows must come out exactly as excelize's iterator gives them, and that iterator
// stops quietly at the first thing encoding/xml (in its default strict mode) rejects.
// So the scanner accepts a strict subset of XML: everything it accepts, encoding/xml
// accepts and decodes to the same text, and everything else (CDATA, a DTD, the
// declaration of another encoding, a non-ASCII or odd element name, a malformed
// reference, a character XML forbids, a mismatched end tag, a tag of a part read from the
// archive that is longer than maxXMLTag) is errFastUnsupported, on which the reader hands
// the file to excelize. Comments and processing instructions are passed over, as excelize
// ignores them.

// errFastUnsupported says the XML is outside what the fast reader reads; the caller falls
// back to excelize. It never reaches the user.
var errFastUnsupported = errors.New("xlsx: XML the fast reader does not read")

// errTextTooLong is returned when a text collected with a limit grows past it.
var errTextTooLong = errors.New("xlsx: text too long")

const (
	// xmlWindow is the scanner's initial buffer.
	xmlWindow = 128 << 10
	// maxXMLTag bounds a start or end tag, attributes included, which must fit in the
	// buffer whole. Real tags are a few hundred bytes; a longer one goes to excelize.
	maxXMLTag = 1 << 20
	// maxEntity is the longest character reference read, "&#x0010FFFF;" and the like.
	maxEntity = 16
)

type tokKind uint8

const (
	tokEOF   tokKind = iota
	tokStart         // a start tag; a self-closing one is followed by its tokEnd
	tokEnd
	tokText // character data, already consumed (kept or dropped, see next)
)

// xmlAttr is an attribute of the current start tag. The slices point into the scanner's
// buffer and are valid until the next call of next.
type xmlAttr struct {
	prefix, local []byte
	raw           []byte // between the quotes, undecoded
	plain         bool   // raw holds no reference and no CR: it is the value as it is
}

// xmlScanner tokenizes one part. It reads from r through its own buffer, or scans a
// byte slice in place when the part is already in memory.
type xmlScanner struct {
	r    io.Reader
	buf  []byte
	pos  int
	end  int
	eof  bool
	rerr error // a read error other than io.EOF

	// The current token; the name and the attributes point into buf.
	kind    tokKind
	prefix  []byte
	local   []byte
	attrs   []xmlAttr
	closing bool // the tokEnd of a self-closing tag is due

	// The raw names of the open elements, end to end, for matching end tags as
	// encoding/xml does (prefix and local name as written).
	stack []byte
	ends  []int

	scratch []byte // attribute values that need decoding
}

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, xmlWindow)}
}

// newXMLScannerBytes scans b in place; b is never written to.
func newXMLScannerBytes(b []byte) *xmlScanner {
	return &xmlScanner{buf: b, end: len(b), eof: true}
}

// fill reads more input after buf[pos:end], moving the unread bytes to the front and
// growing the buffer up to limit when it is full. It reports whether any byte was added.
func (s *xmlScanner) fill(limit int) bool {
	if s.eof {
		return false
	}
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= limit {
			return false
		}
		nb := make([]byte, min(2*len(s.buf), limit))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.rerr = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

// failed returns the error that ended the input early, if any.
func (s *xmlScanner) failed() error { return s.rerr }

// next reads the next token. Character data is decoded as encoding/xml decodes it and
// appended to *keep, or only checked when keep is nil; with a keep, more than limit
// bytes in it is errTextTooLong.
func (s *xmlScanner) next(keep *[]byte, limit int) (tokKind, error) {
	if s.closing {
		s.closing = false
		s.kind = tokEnd
		return tokEnd, s.pop(s.prefix, s.local)
	}
	for {
		if s.pos == s.end && !s.fill(xmlWindow) {
			if err := s.failed(); err != nil {
				return tokEOF, err
			}
			s.kind = tokEOF
			return tokEOF, nil
		}
		if s.buf[s.pos] != '<' {
			s.kind = tokText
			return tokText, s.text(keep, limit)
		}
		n, err := s.tag()
		if err == errNeedMore {
			if !s.fill(maxXMLTag) {
				if err := s.failed(); err != nil {
					return tokEOF, err
				}
				return tokEOF, errFastUnsupported // a tag cut off by the end or too long
			}
			continue
		}
		if err != nil {
			return tokEOF, err
		}
		s.pos += n
		if s.kind == tokNone {
			continue // a comment or a processing instruction
		}
		return s.kind, nil
	}
}

// tokNone marks markup that yields no token: comments and processing instructions.
const tokNone tokKind = 255

var errNeedMore = errors.New("xlsx: need more input")

// tag parses the tag at buf[pos] and returns its length, or errNeedMore when it does not
// end in the buffer.
func (s *xmlScanner) tag() (int, error) {
	b := s.buf[s.pos:s.end]
	if len(b) < 2 {
		return 0, errNeedMore
	}
	switch c := b[1]; {
	case c == '/':
		i, prefix, local, ok := scanName(b, 2)
		if !ok {
			return 0, needOr(i, len(b))
		}
		i = skipSpace(b, i)
		if i == len(b) {
			return 0, errNeedMore
		}
		if b[i] != '>' {
			return 0, errFastUnsupported
		}
		s.kind, s.prefix, s.local = tokEnd, prefix, local
		return i + 1, s.pop(prefix, local)
	case c == '?':
		return s.procInst(b)
	case c == '!':
		return s.comment(b)
	}
	i, prefix, local, ok := scanName(b, 1)
	if !ok {
		return 0, needOr(i, len(b))
	}
	s.attrs = s.attrs[:0]
	for {
		i = skipSpace(b, i)
		if i == len(b) {
			return 0, errNeedMore
		}
		switch b[i] {
		case '>':
			s.kind, s.prefix, s.local = tokStart, prefix, local
			s.push(prefix, local)
			return i + 1, nil
		case '/':
			if i+1 == len(b) {
				return 0, errNeedMore
			}
			if b[i+1] != '>' {
				return 0, errFastUnsupported
			}
			s.kind, s.prefix, s.local = tokStart, prefix, local
			s.push(prefix, local)
			s.closing = true
			return i + 2, nil
		}
		var a xmlAttr
		if i, a.prefix, a.local, ok = scanName(b, i); !ok {
			return 0, needOr(i, len(b))
		}
		i = skipSpace(b, i)
		if i == len(b) {
			return 0, errNeedMore
		}
		if b[i] != '=' {
			return 0, errFastUnsupported
		}
		i = skipSpace(b, i+1)
		if i == len(b) {
			return 0, errNeedMore
		}
		q := b[i]
		if q != '"' && q != '\'' {
			return 0, errFastUnsupported
		}
		j := bytes.IndexByte(b[i+1:], q)
		if j < 0 {
			return 0, errNeedMore
		}
		a.raw = b[i+1 : i+1+j]
		plain, err := checkAttr(a.raw)
		if err != nil {
			return 0, err
		}
		a.plain = plain
		s.attrs = append(s.attrs, a)
		i += j + 2
	}
}

// needOr turns a name that could not be read into errNeedMore when the name ran into the
// end of the buffer, and into errFastUnsupported otherwise.
func needOr(i, n int) error {
	if i >= n {
		return errNeedMore
	}
	return errFastUnsupported
}

// procInst reads a processing instruction, which excelize ignores, checking the XML
// declaration as encoding/xml does: version 1.0 and an encoding that is UTF-8. excelize
// would transcode another encoding; that is left to it.
func (s *xmlScanner) procInst(b []byte) (int, error) {
	i, prefix, target, ok := scanName(b, 2)
	if !ok {
		return 0, needOr(i, len(b))
	}
	j := bytes.Index(b[i:], []byte("?>"))
	if j < 0 {
		return 0, errNeedMore
	}
	if len(prefix) == 0 && string(target) == "xml" {
		content := string(b[skipSpace(b, i) : i+j])
		if v := procInstParam("version", content); v != "" && v != "1.0" {
			return 0, errFastUnsupported
		}
		if e := procInstParam("encoding", content); e != "" && !strings.EqualFold(e, "utf-8") {
			return 0, errFastUnsupported
		}
	}
	s.kind = tokNone
	return i + j + 2, nil
}

// comment reads a comment, which excelize ignores, with encoding/xml's rule that "--"
// only ends one. CDATA sections and DTDs are left to excelize.
func (s *xmlScanner) comment(b []byte) (int, error) {
	const open = "<!--"
	if len(b) < len(open) {
		return 0, errNeedMore
	}
	if string(b[:len(open)]) != open {
		return 0, errFastUnsupported
	}
	j := bytes.Index(b[len(open):], []byte("--"))
	if j < 0 || len(open)+j+2 == len(b) {
		return 0, errNeedMore
	}
	end := len(open) + j + 2
	if b[end] != '>' {
		return 0, errFastUnsupported
	}
	s.kind = tokNone
	return end + 1, nil
}

// procInstParam is encoding/xml's procInst, which reads a parameter of the XML
// declaration, kept as it is so that the two agree on odd declarations.
func procInstParam(param, s string) string {
	param = param + "="
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || lenp+k >= len(sub) {
			return ""
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

func (s *xmlScanner) push(prefix, local []byte) {
	s.stack = append(s.stack, prefix...)
	s.stack = append(s.stack, ':')
	s.stack = append(s.stack, local...)
	s.ends = append(s.ends, len(s.stack))
}

// pop closes the innermost element, which must have the same prefix and local name.
func (s *xmlScanner) pop(prefix, local []byte) error {
	n := len(s.ends)
	if n == 0 {
		return errFastUnsupported
	}
	start := 0
	if n > 1 {
		start = s.ends[n-2]
	}
	open := s.stack[start:s.ends[n-1]]
	if len(open) != len(prefix)+1+len(local) || !bytes.Equal(open[:len(prefix)], prefix) ||
		!bytes.Equal(open[len(prefix)+1:], local) {
		return errFastUnsupported
	}
	s.stack = s.stack[:start]
	s.ends = s.ends[:n-1]
	return nil
}

// parentIs reports whether the element enclosing the current start tag has the local
// name name.
func (s *xmlScanner) parentIs(name string) bool {
	n := len(s.ends)
	if n < 2 {
		return false
	}
	start := 0
	if n > 2 {
		start = s.ends[n-3]
	}
	open := s.stack[start:s.ends[n-2]]
	i := bytes.IndexByte(open, ':')
	return string(open[i+1:]) == name
}

// attrValue decodes attribute i.
func (s *xmlScanner) attrValue(i int) string {
	return string(s.attrBytes(i))
}

// attrBytes decodes attribute i into bytes that are valid until the next call of
// attrBytes, attrValue or next.
func (s *xmlScanner) attrBytes(i int) []byte {
	a := &s.attrs[i]
	if a.plain {
		return a.raw
	}
	s.scratch = decodeChars(s.scratch[:0], a.raw)
	return s.scratch
}

// skip reads to the end of the element whose start tag was just read, checking what it
// passes over.
func (s *xmlScanner) skip() error {
	for d := 1; d > 0; {
		k, err := s.next(nil, 0)
		if err != nil {
			return err
		}
		switch k {
		case tokStart:
			d++
		case tokEnd:
			d--
		case tokEOF:
			return errFastUnsupported
		}
	}
	return nil
}

// elementText appends the character data of the element whose start tag was just read
// to out, leaving out that of elements inside it, as encoding/xml does for a string or
// ",chardata" field.
func (s *xmlScanner) elementText(out *[]byte, limit int) error {
	for d := 1; ; {
		var keep *[]byte
		if d == 1 {
			keep = out
		}
		k, err := s.next(keep, limit)
		if err != nil {
			return err
		}
		switch k {
		case tokStart:
			d++
		case tokEnd:
			if d--; d == 0 {
				return nil
			}
		case tokEOF:
			return errFastUnsupported
		}
	}
}

// text consumes character data up to the next '<' or the end of the input. It rewrites
// CR LF and lone CR to LF and replaces references, as encoding/xml does, and rejects
// what encoding/xml rejects: "]]>", bad references, invalid UTF-8 and characters outside
// XML's range.
func (s *xmlScanner) text(keep *[]byte, limit int) error {
	var b0, b1 byte // the last two bytes read as they are, for "]]>"
	for {
		b := s.buf[s.pos:s.end]
		i := 0
		for i < len(b) && b[i] < 0x80 && textPlain[b[i]] {
			i++
		}
		if i > 0 {
			if keep != nil {
				if len(*keep)+i > limit {
					return errTextTooLong
				}
				*keep = append(*keep, b[:i]...)
			}
			if i >= 2 {
				b0, b1 = b[i-2], b[i-1]
			} else {
				b0, b1 = b1, b[0]
			}
			s.pos += i
			b = b[i:]
		}
		if len(b) == 0 {
			if !s.fill(xmlWindow) {
				return s.failed() // the text runs to the end of the input
			}
			continue
		}
		n, out, err := s.special(b, b0, b1)
		switch {
		case err == errNeedMore:
			wasEOF := s.eof
			if !s.fill(xmlWindow) {
				if err := s.failed(); err != nil {
					return err
				}
				if wasEOF {
					return errFastUnsupported // a reference cut off by the end
				}
			}
			continue
		case err != nil:
			return err
		case n == 0:
			return nil // '<'
		}
		if keep != nil {
			if len(*keep)+len(out) > limit {
				return errTextTooLong
			}
			*keep = append(*keep, out...)
		}
		switch {
		case b[0] == '&':
			b0, b1 = 0, 0 // as encoding/xml, which forgets the bytes of a reference
		case n >= 2:
			b0, b1 = b[n-2], b[n-1]
		default:
			b0, b1 = b1, b[0]
		}
		s.pos += n
	}
}

// special handles the byte at b[0] that is not plain text. It returns how many bytes it
// consumed and what they decode to; 0 bytes means b[0] is '<', the end of the text.
func (s *xmlScanner) special(b []byte, b0, b1 byte) (int, []byte, error) {
	c := b[0]
	switch {
	case c == '<':
		return 0, nil, nil
	case c == '&':
		r, n, err := reference(b)
		if err != nil {
			return 0, nil, err
		}
		return n, utf8.AppendRune(s.scratch[:0], r), nil
	case c == '\r':
		if len(b) < 2 && !s.eof {
			return 0, nil, errNeedMore
		}
		if len(b) >= 2 && b[1] == '\n' {
			return 2, lf, nil
		}
		return 1, lf, nil
	case c == '>':
		if b0 == ']' && b1 == ']' {
			return 0, nil, errFastUnsupported
		}
		return 1, b[:1], nil
	case c < 0x80:
		return 0, nil, errFastUnsupported // a control character
	}
	if !utf8.FullRune(b) && !s.eof {
		return 0, nil, errNeedMore
	}
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError && n == 1 || !inXMLRange(r) {
		return 0, nil, errFastUnsupported
	}
	return n, b[:n], nil
}

var lf = []byte{'\n'}

// textPlain marks the ASCII bytes that stand for themselves in character data.
var textPlain = func() (t [128]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = true
	}
	t['\t'], t['\n'] = true, true
	t['<'], t['&'], t['>'] = false, false, false
	return t
}()

// reference reads the entity or character reference at b[0] == '&' as encoding/xml
// does: the five predefined entities, &#NN; and &#xNN; (lower-case x only), of a
// character XML allows. errNeedMore when it may run on past the buffer.
func reference(b []byte) (rune, int, error) {
	end := bytes.IndexByte(b[:min(len(b), maxEntity)], ';')
	if end < 0 {
		if len(b) < maxEntity {
			return 0, 0, errNeedMore
		}
		return 0, 0, errFastUnsupported
	}
	name := b[1:end]
	switch string(name) {
	case "lt":
		return '<', end + 1, nil
	case "gt":
		return '>', end + 1, nil
	case "amp":
		return '&', end + 1, nil
	case "apos":
		return '\'', end + 1, nil
	case "quot":
		return '"', end + 1, nil
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, 0, errFastUnsupported
	}
	digits, base := name[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	for _, d := range digits {
		if !('0' <= d && d <= '9' || base == 16 && ('a' <= d && d <= 'f' || 'A' <= d && d <= 'F')) {
			return 0, 0, errFastUnsupported
		}
	}
	n, err := strconv.ParseUint(string(digits), base, 64)
	if err != nil || n > utf8.MaxRune {
		return 0, 0, errFastUnsupported
	}
	r := rune(n)
	if 0xD800 <= r && r <= 0xDFFF {
		r = utf8.RuneError // what string(rune(n)) makes of a surrogate
	}
	if !inXMLRange(r) {
		return 0, 0, errFastUnsupported
	}
	return r, end + 1, nil
}

// inXMLRange is encoding/xml's isInCharacterRange.
func inXMLRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// checkAttr checks an attribute value as encoding/xml reads it and reports whether it is
// plain: no reference and no CR, so that it needs no decoding.
func checkAttr(v []byte) (bool, error) {
	plain := true
	for i := 0; i < len(v); {
		c := v[i]
		switch {
		case c == '<':
			return false, errFastUnsupported
		case c == '&':
			_, n, err := reference(v[i:])
			if err != nil {
				return false, errFastUnsupported // a reference cut by the quote is bad too
			}
			plain = false
			i += n
		case c == '\r':
			plain = false
			i++
		case c >= 0x20 && c < 0x80 || c == '\t' || c == '\n':
			i++
		case c < 0x80:
			return false, errFastUnsupported
		default:
			r, n := utf8.DecodeRune(v[i:])
			if r == utf8.RuneError && n == 1 || !inXMLRange(r) {
				return false, errFastUnsupported
			}
			i += n
		}
	}
	return plain, nil
}

// decodeChars appends the decoded form of an attribute value checked by checkAttr.
func decodeChars(out, v []byte) []byte {
	for i := 0; i < len(v); {
		switch c := v[i]; c {
		case '&':
			r, n, _ := reference(v[i:])
			out = utf8.AppendRune(out, r)
			i += n
		case '\r':
			out = append(out, '\n')
			i++
			if i < len(v) && v[i] == '\n' {
				i++
			}
		default:
			out = append(out, c)
			i++
		}
	}
	return out
}

// scanName reads an element or attribute name at b[i]: ASCII, at most one colon, no
// colon at either end. ok is false when the name is not one of those (i then points at
// the offending byte) or runs into the end of b (i == len(b)).
func scanName(b []byte, i int) (next int, prefix, local []byte, ok bool) {
	start := i
	if i == len(b) {
		return i, nil, nil, false
	}
	if !isNameStart(b[i]) {
		return i, nil, nil, false
	}
	colon := -1
	for i++; i < len(b); i++ {
		c := b[i]
		if isNameByte(c) {
			continue
		}
		if c == ':' && colon < 0 && i+1 < len(b) && isNameStart(b[i+1]) {
			colon = i
			continue
		}
		if c == ':' && i+1 == len(b) {
			return i + 1, nil, nil, false // wait for the byte after the colon
		}
		if c >= 0x80 || c == ':' {
			return i, nil, nil, false // a non-ASCII or odd name: left to encoding/xml
		}
		if colon < 0 {
			return i, nil, b[start:i], true
		}
		return i, b[start:colon], b[colon+1 : i], true
	}
	return i, nil, nil, false
}

func isNameStart(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_'
}

func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '_' || c == '.' || c == '-'
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// findStartTag reports whether a tag with the local name local starts anywhere in the
// rest of the input. It only looks at names, so that a tag in a comment counts too: it
// is for telling when to let excelize decide, where a false alarm costs only time.
func (s *xmlScanner) findStartTag(local string) (bool, error) {
	for {
		b := s.buf[s.pos:s.end]
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			s.pos = s.end
			if !s.fill(xmlWindow) {
				return false, s.failed()
			}
			continue
		}
		j := i + 1
		for j < len(b) && j-i < 256 && (isNameByte(b[j]) || b[j] == ':') {
			j++
		}
		if j == len(b) && !s.eof {
			s.pos += i
			if !s.fill(maxXMLTag) {
				return false, s.failed()
			}
			continue
		}
		name := b[i+1 : j]
		if k := bytes.LastIndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		if string(name) == local {
			return true, nil
		}
		s.pos += i + 1
	}
}
