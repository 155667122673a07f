package exporter

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxLineOctets is the longest a vCard line may be before it is folded
// (RFC 2426 section 2.6, after RFC 2425 section 5.8.1).
const maxLineOctets = 75

type vcardSink struct {
	buf    *bufio.Writer
	cols   *columns
	fields []string
	line   []byte // the content line being built, reused for every line
}

func newVCardSink(w io.Writer, cols *columns) *vcardSink {
	return &vcardSink{buf: newBuffer(w), cols: cols, fields: make([]string, len(cols.keys))}
}

// header writes nothing: a vCard file is just its cards.
func (s *vcardSink) header() error { return nil }

func (s *vcardSink) row(c *Contact) error {
	s.put("BEGIN:VCARD")
	s.put("VERSION:3.0")
	s.put("FN:", textValue(c.Name))
	given, family := splitName(c.Name)
	s.put("N:", textValue(family), ";", textValue(given), ";;;")
	if c.Phone != "" {
		s.put("TEL;TYPE=CELL:+", textValue(c.Phone))
	}
	if c.Email != "" {
		s.put("EMAIL;TYPE=INTERNET:", textValue(c.Email))
	}
	if len(c.Groups) > 0 {
		s.line = append(s.line[:0], "CATEGORIES:"...)
		for i, g := range c.Groups {
			if i > 0 {
				s.line = append(s.line, ',')
			}
			s.line = appendText(s.line, g)
		}
		s.fold()
	}
	s.cols.values(c.Fields, s.fields)
	for i, v := range s.fields {
		if v == "" {
			continue
		}
		s.line = append(s.line[:0], "X-KONTAK-FIELD;X-NAME="...)
		s.line = appendParam(s.line, s.cols.keys[i])
		s.line = append(s.line, ':')
		s.line = appendText(s.line, v)
		s.fold()
	}
	s.put("END:VCARD")
	return s.err()
}

func (s *vcardSink) err() error {
	// bufio.Writer keeps its first error and returns it from every later
	// call, so checking once per card is enough.
	if _, err := s.buf.Write(nil); err != nil {
		return fmt.Errorf("write vcard: %w", err)
	}
	return nil
}

func (s *vcardSink) close() error {
	if err := s.buf.Flush(); err != nil {
		return fmt.Errorf("write vcard: %w", err)
	}
	return nil
}

func (s *vcardSink) abort() {}

// textValue marks a value that put must escape; the other parts are written
// as they are.
type textValue string

// put writes one content line made of parts: strings as they are, each
// textValue escaped.
func (s *vcardSink) put(parts ...any) {
	s.line = s.line[:0]
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			s.line = append(s.line, p...)
		case textValue:
			s.line = appendText(s.line, string(p))
		}
	}
	s.fold()
}

// fold writes s.line and CRLF, folding it into lines of at most
// maxLineOctets octets: each continuation line starts with a space, which
// counts, and no line ends inside a UTF-8 sequence. (Bytes that are not
// UTF-8 at all are cut anywhere, rather than searched back for ever.)
func (s *vcardSink) fold() {
	line := s.line
	limit := maxLineOctets
	for len(line) > limit {
		cut := limit
		for cut > limit-utf8.UTFMax && !utf8.RuneStart(line[cut]) {
			cut--
		}
		s.buf.Write(line[:cut])
		s.buf.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLineOctets - 1
	}
	s.buf.Write(line)
	s.buf.WriteString("\r\n")
}

// appendText appends v escaped as a vCard 3.0 text value: "\", ",", ";" and
// newlines get a backslash (RFC 2426 section 4), and the other control
// characters, which a text value cannot hold, are left out. A CRLF is one
// newline.
func appendText(b []byte, v string) []byte {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '\\', ',', ';':
			b = append(b, '\\', c)
		case '\r':
			if i+1 < len(v) && v[i+1] == '\n' {
				i++
			}
			b = append(b, '\\', 'n')
		case '\n':
			b = append(b, '\\', 'n')
		case '\t':
			b = append(b, c)
		default:
			if c < 0x20 || c == 0x7f {
				continue
			}
			b = append(b, c)
		}
	}
	return b
}

// appendParam appends v as a parameter value. A parameter value cannot be
// escaped with backslashes: one that holds ";", ":" or "," is put in double
// quotes, and the characters no parameter value can hold, "^", a double
// quote and a newline, are written as RFC 6868 says: "^^", "^'" and "^n".
// Other control characters are left out.
func appendParam(b []byte, v string) []byte {
	quote := strings.ContainsAny(v, ";:,")
	if quote {
		b = append(b, '"')
	}
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '^':
			b = append(b, '^', '^')
		case '"':
			b = append(b, '^', '\'')
		case '\r':
			if i+1 < len(v) && v[i+1] == '\n' {
				i++
			}
			b = append(b, '^', 'n')
		case '\n':
			b = append(b, '^', 'n')
		default:
			if c < 0x20 || c == 0x7f {
				continue
			}
			b = append(b, c)
		}
	}
	if quote {
		b = append(b, '"')
	}
	return b
}

// splitName splits a full name at its last space into given names and family
// name, as N wants them: "Budi Santoso" is given "Budi", family "Santoso". A
// name of one word is all given name, because so are many Indonesian names
// (Sukarno, Ratna), and phones show "given family".
func splitName(name string) (given, family string) {
	name = strings.TrimSpace(name)
	i := strings.LastIndexFunc(name, unicode.IsSpace)
	if i < 0 {
		return name, ""
	}
	_, size := utf8.DecodeRuneInString(name[i:])
	return strings.TrimRightFunc(name[:i], unicode.IsSpace), name[i+size:]
}
