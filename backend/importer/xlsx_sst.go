package importer

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// sharedStrings is a workbook's shared-string table: every string end to end in one
// string, so that the table costs two allocations whatever its size and the garbage
// collector has no pointers to follow in it.
type sharedStrings struct {
	text string
	ends []uint32 // ends[i] is where string i ends in text
}

func (t *sharedStrings) len() int { return len(t.ends) }

func (t *sharedStrings) get(i int) string {
	start := uint32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.text[start:t.ends[i]]
}

// mainNS is the namespace excelize requires of the table's root element.
const mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

// strictMark is in every namespace of Strict OOXML. excelize rewrites those namespaces
// to the transitional ones in the raw bytes of the table before parsing it, text
// included, so a table that contains it is left to excelize.
var strictMark = []byte("purl.oclc.org")

// readSharedStrings parses the table as excelize's in-memory reader does (an xlsxSST
// decoded with encoding/xml, each item turned into text by xlsxSI.String), and reports
// errFastUnsupported for anything on which excelize would fail or that it would read in
// some other way: a root element other than <sst> in the main namespace, an attribute or
// a rich-text property that does not parse as its field's type, elements beside <si>,
// anything after the root. excelize reads a table larger than 16 MiB from a temporary
// file with a more lenient parser; on what is accepted here, both give the same text.
func readSharedStrings(sc *xmlScanner, sizeHint int) (*sharedStrings, error) {
	var k tokKind
	var err error
	for {
		if k, err = sc.next(nil, 0); err != nil {
			return nil, err
		}
		if k == tokEOF {
			return &sharedStrings{}, nil // an empty part is an empty table to excelize
		}
		if k == tokStart {
			break
		}
	}
	if string(sc.local) != "sst" || rootNamespace(sc) != mainNS {
		return nil, errFastUnsupported
	}
	for i := range sc.attrs {
		switch string(sc.attrs[i].local) {
		case "count", "uniqueCount":
			if !parsesAs(sc.attrValue(i), kindInt) {
				return nil, errFastUnsupported
			}
		}
	}
	arena := make([]byte, 0, min(max(sizeHint/2, 4096), 64<<20))
	var ends []uint32
	var si siReader
	for {
		if k, err = sc.next(nil, 0); err != nil {
			return nil, err
		}
		switch k {
		case tokText:
			continue
		case tokStart:
			if string(sc.local) != "si" {
				return nil, errFastUnsupported
			}
			if arena, err = si.read(sc, arena, math.MaxInt); err != nil {
				return nil, err
			}
			if len(arena) > math.MaxUint32 {
				return nil, errFastUnsupported
			}
			ends = append(ends, uint32(len(arena)))
			continue
		case tokEOF:
			return nil, errFastUnsupported
		}
		break // the end of the root
	}
	for {
		if k, err = sc.next(nil, 0); err != nil {
			return nil, err
		}
		switch k {
		case tokEOF:
			return &sharedStrings{text: string(arena), ends: ends}, nil
		case tokText:
		default:
			return nil, errFastUnsupported
		}
	}
}

// rootNamespace resolves the name space of the root element from the declarations on
// it, as encoding/xml does (the last declaration wins). An undeclared prefix stays as
// it is, which is no namespace excelize accepts.
func rootNamespace(sc *xmlScanner) string {
	ns := string(sc.prefix)
	for i := range sc.attrs {
		a := &sc.attrs[i]
		switch {
		case len(sc.prefix) == 0 && len(a.prefix) == 0 && string(a.local) == "xmlns",
			len(sc.prefix) > 0 && string(a.prefix) == "xmlns" && bytes.Equal(a.local, sc.prefix):
			ns = sc.attrValue(i)
		}
	}
	return ns
}

// siReader turns a string item (<si> of the table or <is> of a cell) into its text, as
// excelize's xlsxSI.String does: the text of its <t>, then the text of each rich-text run
// <r><t>, phonetic runs <rPh> left out, then OOXML's _xHHHH_ escapes replaced. Of several
// <t> in one item or run, encoding/xml keeps the last. The properties of a run are checked
// as encoding/xml would parse them into excelize's types, since an error there fails the
// whole table.
type siReader struct {
	runs []byte
}

// read appends the text of the item whose start tag was just read to out; limit bounds
// its <t> and its runs, each.
func (r *siReader) read(sc *xmlScanner, out []byte, limit int) ([]byte, error) {
	base := len(out)
	r.runs = r.runs[:0]
	for {
		k, err := sc.next(nil, 0)
		if err != nil {
			return out, err
		}
		switch k {
		case tokEOF:
			return out, errFastUnsupported
		case tokText:
			continue
		case tokEnd:
			if len(out) > base || len(r.runs) > 0 {
				out = append(out, r.runs...)
				out = unescapeOOXML(out, base)
			}
			return out, nil
		}
		switch string(sc.local) {
		case "t":
			out = out[:base]
			err = sc.elementText(&out, limitFrom(base, limit))
		case "r":
			err = r.run(sc, limit)
		case "rPh":
			if err = checkAttrs(sc, phoneticRunAttrs); err == nil {
				err = sc.skip()
			}
		case "phoneticPr":
			if err = checkAttrs(sc, phoneticAttrs); err == nil {
				err = sc.skip()
			}
		default:
			err = sc.skip()
		}
		if err != nil {
			return out, err
		}
	}
}

// run reads a rich-text run: its last <t> goes to r.runs.
func (r *siReader) run(sc *xmlScanner, limit int) error {
	base, hasT := len(r.runs), false
	for {
		k, err := sc.next(nil, 0)
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return errFastUnsupported
		case tokText:
			continue
		case tokEnd:
			if !hasT {
				r.runs = r.runs[:base]
			}
			return nil
		}
		switch string(sc.local) {
		case "t":
			r.runs, hasT = r.runs[:base], true
			err = sc.elementText(&r.runs, limit) // the runs together, so that many cannot add up

		case "rPr":
			err = runProperties(sc)
		default:
			err = sc.skip()
		}
		if err != nil {
			return err
		}
	}
}

// runProperties checks <rPr> against excelize's xlsxRPr: the attributes its typed fields
// parse, and attrValBool's own rules (no child element, "val" empty or a strconv.ParseBool
// value without trimming).
func runProperties(sc *xmlScanner) error {
	for {
		k, err := sc.next(nil, 0)
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return errFastUnsupported
		case tokText:
			continue
		case tokEnd:
			return nil
		}
		switch string(sc.local) {
		case "charset", "family":
			err = checkAttrs(sc, intValAttrs)
		case "sz":
			err = checkAttrs(sc, floatValAttrs)
		case "color":
			err = checkAttrs(sc, colorAttrs)
		case "b", "i", "strike", "outline", "shadow", "condense", "extend":
			if v, ok := firstAttr(sc, "val"); ok && v != "" {
				if _, perr := strconv.ParseBool(v); perr != nil {
					return errFastUnsupported
				}
			}
			if err = childless(sc); err != nil {
				return err
			}
			continue
		}
		if err == nil {
			err = sc.skip()
		}
		if err != nil {
			return err
		}
	}
}

// firstAttr returns the first attribute with the local name name, as attrValBool reads it.
func firstAttr(sc *xmlScanner, name string) (string, bool) {
	for i := range sc.attrs {
		if string(sc.attrs[i].local) == name {
			return sc.attrValue(i), true
		}
	}
	return "", false
}

// valueKind is the Go type encoding/xml parses an attribute into.
type valueKind uint8

const (
	kindInt valueKind = iota
	kindUint32
	kindFloat
	kindBool
)

// parsesAs reports whether encoding/xml parses v into a field of the kind without error:
// an empty value is the zero value, anything else is trimmed and parsed.
func parsesAs(v string, k valueKind) bool {
	if v == "" {
		return true
	}
	v = strings.TrimSpace(v)
	var err error
	switch k {
	case kindInt:
		_, err = strconv.ParseInt(v, 10, 64)
	case kindUint32:
		_, err = strconv.ParseUint(v, 10, 32)
	case kindFloat:
		_, err = strconv.ParseFloat(v, 64)
	case kindBool:
		_, err = strconv.ParseBool(v)
	}
	return err == nil
}

// attrKind is an attribute of an excelize type that is not a string, by local name.
type attrKind struct {
	name string
	kind valueKind
}

// The attributes of the string items' elements that excelize's types parse.
var (
	phoneticRunAttrs = []attrKind{{"sb", kindUint32}, {"eb", kindUint32}} // xlsxPhoneticRun
	phoneticAttrs    = []attrKind{{"fontId", kindInt}}                    // xlsxPhoneticPr
	intValAttrs      = []attrKind{{"val", kindInt}}                       // attrValInt
	floatValAttrs    = []attrKind{{"val", kindFloat}}                     // attrValFloat
	colorAttrs       = []attrKind{{"auto", kindBool}, {"indexed", kindInt}, {"theme", kindInt}, {"tint", kindFloat}}
)

// checkAttrs checks every attribute of the current start tag named in kinds, whatever
// its prefix, as encoding/xml matches attributes to fields.
func checkAttrs(sc *xmlScanner, kinds []attrKind) error {
	for i := range sc.attrs {
		for _, k := range kinds {
			if string(sc.attrs[i].local) == k.name && !parsesAs(sc.attrValue(i), k.kind) {
				return errFastUnsupported
			}
		}
	}
	return nil
}

// unescapeOOXML replaces the _xHHHH_ escapes in out[base:] as excelize's bstrUnmarshal
// does: _x005F_ is "_", another is the character with that code, and one that is no
// valid character (a surrogate) is dropped. Matches are found left to right without
// overlapping, like the regular expression excelize uses.
func unescapeOOXML(out []byte, base int) []byte {
	s := out[base:]
	if !bytes.Contains(s, []byte("_x")) {
		return out
	}
	var res []byte
	last := 0
	for i := 0; i+7 <= len(s); {
		if s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' || !isHex4(s[i+2:i+6]) {
			i++
			continue
		}
		res = append(res, s[last:i]...)
		if string(s[i:i+7]) == "_x005F_" {
			res = append(res, '_')
		} else {
			v, _ := strconv.ParseUint(string(s[i+2:i+6]), 16, 32)
			if r := rune(v); r < 0xD800 || r > 0xDFFF {
				res = utf8.AppendRune(res, r)
			}
		}
		i += 7
		last = i
	}
	if res == nil {
		return out
	}
	res = append(res, s[last:]...)
	return append(out[:base], res...)
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// childless reads to the end of the element whose start tag was just read, which must
// hold no element.
func childless(sc *xmlScanner) error {
	for {
		k, err := sc.next(nil, 0)
		switch {
		case err != nil:
			return err
		case k == tokEnd:
			return nil
		case k != tokText:
			return errFastUnsupported
		}
	}
}

// limitFrom is the length a buffer that holds base bytes may reach when limit more are
// allowed, without overflowing.
func limitFrom(base, limit int) int {
	if limit > math.MaxInt-base {
		return math.MaxInt
	}
	return base + limit
}
