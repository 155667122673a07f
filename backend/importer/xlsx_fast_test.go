package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"kontak/backend/fixtures"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kontak/backend/apperr"
)

// sheetRead is what a reader made of a sheet: each row as "number [cells]", then how it
// ended, "EOF" or the error.
type sheetRead struct {
	rows []string
	end  string
	fast bool // the fast reader read it all without handing over to excelize
}

// readWith drains rr, or reads its first limit rows.
func readWith(rr rowReader, limit int) sheetRead {
	var out sheetRead
	for len(out.rows) < limit {
		row, cells, err := rr.next()
		if err == io.EOF {
			out.end = "EOF"
			break
		}
		if err != nil {
			out.end = fmt.Sprintf("%s: %v", errCode(err), err)
			break
		}
		out.rows = append(out.rows, fmt.Sprintf("%d %q", row, cells))
	}
	if out.end == "" {
		out.end = "limit"
	}
	if fr, ok := rr.(*fastRows); ok {
		out.fast = fr.slow == nil
	}
	rr.close()
	return out
}

// errCode is the apperr code of err.
func errCode(err error) string {
	var e *apperr.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return "uncoded"
}

// compareReaders reads every sheet of the workbook at path with excelize's iterator and
// with the fast reader, fails the test where they differ, and returns for each sheet
// whether the fast reader read it by itself.
func compareReaders(t testing.TB, path string) map[string]bool {
	t.Helper()
	return compareReadersWith(t, path, 0, math.MaxInt)
}

// compareReadersWith is compareReaders with excelize keeping parts over tempAbove bytes
// in temporary files (0: its default, 16 MiB), which the fast reader streams from the
// archive, and reading at most limit rows of a sheet.
func compareReadersWith(t testing.TB, path string, tempAbove int64, limit int) map[string]bool {
	t.Helper()
	f, b := openBook(t, path, tempAbove)
	defer f.Close()
	fast := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		slow, err := b.openSlow(sheet, 0)
		if err != nil {
			t.Fatalf("%s: excelize cannot read %q: %v", path, sheet, err)
		}
		want := readWith(slow, limit)
		got := want // when the fast reader cannot open it, excelize reads it
		if b.fast != nil {
			if fr, err := b.fast.open(b, sheet, 0); err == nil {
				got = readWith(fr, limit)
			}
		}
		fast[sheet] = got.fast
		if !slices.Equal(got.rows, want.rows) || got.end != want.end {
			t.Errorf("%s, sheet %q: the fast reader differs from excelize:\n%s", path, sheet, rowsDiff(want, got))
		}
	}
	return fast
}

// openBook opens a workbook as openXLSX does, excelize keeping parts over tempAbove bytes
// in temporary files.
func openBook(t testing.TB, path string, tempAbove int64) (*excelize.File, *workbook) {
	t.Helper()
	opts := rawValues
	opts.UnzipSizeLimit = int64(zipLimits.total)
	opts.UnzipXMLSizeLimit = tempAbove
	f, err := excelize.OpenFile(path, opts)
	if err != nil {
		t.Fatalf("excelize cannot open %s: %v", path, err)
	}
	return f, &workbook{f: f, fast: newFastBook(path, f)}
}

// rowsDiff shows the first rows where two reads differ.
func rowsDiff(want, got sheetRead) string {
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(want.rows), len(got.rows)) && shown < 8; i++ {
		var w, g string
		if i < len(want.rows) {
			w = want.rows[i]
		}
		if i < len(got.rows) {
			g = got.rows[i]
		}
		if w != g {
			fmt.Fprintf(&b, "  row %d:\n    excelize %s\n    fast     %s\n", i+1, w, g)
			shown++
		}
	}
	fmt.Fprintf(&b, "  end: excelize %s, fast %s (%d and %d rows)", want.end, got.end, len(want.rows), len(got.rows))
	return b.String()
}

// CompareXLSXReaders lets the external tests run the comparison; it returns how many
// sheets the fast reader read by itself.
func CompareXLSXReaders(t testing.TB, path string) int {
	n := 0
	for _, fast := range compareReaders(t, path) {
		if fast {
			n++
		}
	}
	return n
}

// peerXLSX returns the XLSX peer fixtures.
func peerXLSX(t *testing.T) []string {
	t.Helper()
	root := fixtures.Shared(t, "peers", "xlsx")
	var files []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".xlsx") {
			files = append(files, path)
		}
		return err
	})
	return files
}

// TestFastReaderFixtures compares the two readers on every XLSX peer fixture. The fast
// reader reads them all by itself but the few whose XML it leaves to excelize on purpose.
func TestFastReaderFixtures(t *testing.T) {
	// strict_iso_paths is Strict OOXML, whose shared strings excelize rewrites before
	// parsing them.
	slow := map[string]bool{"calamine/strict_iso_paths.xlsx": true}
	files := peerXLSX(t)
	if len(files) < 25 {
		t.Fatalf("found %d XLSX fixtures, want the 29 of the shared set", len(files))
	}
	for _, path := range files {
		rel := filepath.ToSlash(filepath.Join(filepath.Base(filepath.Dir(path)), filepath.Base(path)))
		t.Run(rel, func(t *testing.T) {
			for sheet, fast := range compareReaders(t, path) {
				if !fast && !slow[rel] {
					t.Errorf("sheet %q was handed over to excelize", sheet)
				}
			}
		})
	}
}

// TestFastReaderGenerated compares the readers on workbooks excelize writes: shared and
// inline strings, rich text, numbers, booleans, dates, formulas, gaps, several sheets.
func TestFastReaderGenerated(t *testing.T) {
	dir := t.TempDir()
	t.Run("saved", func(t *testing.T) {
		f := excelize.NewFile()
		defer f.Close()
		f.NewSheet("Kedua")
		f.NewSheet("Tersembunyi")
		f.SetSheetVisible("Tersembunyi", false)
		cells := map[string]any{
			"A1": "Nama", "B1": "No HP", "C1": "Email", "D1": "Ulang tahun", "E1": "Aktif",
			"A2": "Budi & \"Ani\" <ok>", "B2": 6281234567890, "C2": "budi@example.com",
			"D2": time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC), "E2": true,
			"A3": "  spasi  ", "B3": 6.28123e11, "E3": false, "F3": 3.14159,
			"A5": "baris\r\nbaru", "C5": "_x000D_ escaped", "D5": "日本語 😀",
			"A9": "after a gap", "H9": -42,
		}
		for cell, v := range cells {
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
		f.SetCellFormula("Sheet1", "G2", "B2*2")
		f.SetCellFormula("Sheet1", "J3", "A1")
		f.SetCellRichText("Sheet1", "A10", []excelize.RichTextRun{
			{Text: "Bold ", Font: &excelize.Font{Bold: true, Color: "FF0000", Size: 12}},
			{Text: "and italic", Font: &excelize.Font{Italic: true, Family: "Arial"}},
		})
		f.SetCellValue("Kedua", "C3", "only cell")
		f.SetCellValue("Tersembunyi", "A1", "hidden")
		p := filepath.Join(dir, "saved.xlsx")
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		for sheet, fast := range compareReaders(t, p) {
			if !fast {
				t.Errorf("sheet %q was handed over to excelize", sheet)
			}
		}
	})
	t.Run("streamed", func(t *testing.T) {
		f := excelize.NewFile()
		defer f.Close()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		rows := map[int][]any{
			1:  {"Nama", "HP", "Catatan"},
			2:  {"Siti", 81234567890, "a < b & c"},
			3:  {"Agus", "0812-1111-2222", nil, true},
			6:  {nil, nil, "only C"},
			7:  {excelize.Cell{Formula: "1+1", Value: 2}, excelize.Cell{Formula: "A1"}},
			8:  {[]excelize.RichTextRun{{Text: "rich "}, {Text: "inline", Font: &excelize.Font{Bold: true}}}},
			12: {2.5, float32(1.25), int64(-7), uint8(9)},
		}
		for _, r := range []int{1, 2, 3, 6, 7, 8, 12} {
			cell, _ := excelize.CoordinatesToCellName(1, r)
			if err := sw.SetRow(cell, rows[r]); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "streamed.xlsx")
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		for sheet, fast := range compareReaders(t, p) {
			if !fast {
				t.Errorf("sheet %q was handed over to excelize", sheet)
			}
		}
	})
}

const (
	mainXMLNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	xmlDecl   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// sheetXML wraps rows in a worksheet.
func sheetXML(rows string) string {
	return xmlDecl + `<worksheet ` + mainXMLNS + `><dimension ref="A1:H9"/><sheetData>` + rows + `</sheetData></worksheet>`
}

// sstXML makes a shared-string table of items (the inside of each <si>).
func sstXML(items ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `%s<sst %s count="%d" uniqueCount="%d">`, xmlDecl, mainXMLNS, len(items), len(items))
	for _, it := range items {
		b.WriteString("<si>" + it + "</si>")
	}
	b.WriteString("</sst>")
	return b.String()
}

// handWritten builds a one-sheet workbook from the sheet's XML and, unless sst is "",
// a shared-string table; extra replaces or adds parts, name then content.
func handWritten(t testing.TB, sheet, sst string, extra ...string) string {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`</Types>`,
		"_rels/.rels": xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
			`</Relationships>`,
		"xl/workbook.xml": xmlDecl + `<workbook ` + mainXMLNS + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
			`</Relationships>`,
		"xl/worksheets/sheet1.xml": sheet,
	}
	if sst != "" {
		parts["xl/sharedStrings.xml"] = sst
	}
	for i := 0; i+1 < len(extra); i += 2 {
		parts[extra[i]] = extra[i+1]
	}
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	slices.Sort(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "hand.xlsx")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// baseSST is the table the hand-written sheets refer to.
var baseSST = sstXML(
	`<t>Nama</t>`, // 0
	`<t>No HP</t>`,
	`<r><rPr><b/><sz val="11"/><color rgb="FFFF0000" theme="1" tint="0.5"/><rFont val="Calibri"/><family val="2"/><charset val="1"/><scheme val="minor"/><u val="single"/><vertAlign val="baseline"/></rPr><t>Bu</t></r><r><t xml:space="preserve">di </t></r><r><rPr><i val="0"/><strike val="false"/></rPr><t>Santoso</t></r>`,
	`<t>課き</t><rPh sb="0" eb="1"><t>カ</t></rPh><phoneticPr fontId="1" type="noConversion"/>`,
	`<r><t>run</t></r><t>T</t>`, // 4: the <t> comes first
	`<t>a</t><t>b</t>`,          // 5: the last <t> wins
	`<r><t>x</t><t>y</t></r><r><rPr/></r>`,
	``,
	`<t/>`,
	`<t>_x000D_x_x005F_x000D_ _xD800_ _x0041__x004g_</t>`,
	`<t>a<foo>b</foo>c</t><unknown><t>ignored</t></unknown>`, // 10
	`<t xml:space="preserve">  lead and trail  </t>`,
	"<t>line\r\nbreak\rcr&#13;&#10;&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&#xD800;</t>",
	`<t>日本 Ñoño 😀</t>`,
)

// handWrittenSheets is XML written by hand to cover what writers other than Excel do:
// namespace prefixes, inline rich text, references, gaps, missing r attributes,
// self-closing tags, every cell type, formulas with and without cached values.
var handWrittenSheets = []struct {
	name       string
	sheet, sst string
}{
	{name: "prefixes", sheet: xmlDecl + `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<x:dimension ref="A1:C3"/><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>` +
		`<x:c r="B1" t="inlineStr"><x:is><x:t>inline</x:t></x:is></x:c></x:row>` +
		`<x:row r="3"><x:c r="C3" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
		sst: xmlDecl + `<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2">` +
			`<x:si><x:t>Nama</x:t></x:si><x:si><x:r><x:t>No </x:t></x:r><x:r><x:t>HP</x:t></x:r></x:si></x:sst>`},
	{name: "shared strings", sheet: sheetXML(func() string {
		var b strings.Builder
		for i := range 14 {
			fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c></row>`, i+1, i+1, i)
		}
		return b.String()
	}()), sst: baseSST},
	{name: "inline strings", sheet: sheetXML(`<row r="1">` +
		`<c r="A1" t="inlineStr"><is><r><t>in</t></r><r><rPr><i/><sz val="9"/></rPr><t>line</t></r></is></c>` +
		`<c r="B1" t="inlineStr"><is><t>_x0041_ &amp; b</t><rPh sb="0" eb="0"><t>x</t></rPh></is></c>` +
		`<c r="C1" t="inlineStr"><v>from v</v></c>` +
		`<c r="D1" t="inlineStr"><v>v loses</v><is><t>is wins</t></is></c>` +
		`<c r="E1" t="inlineStr"><is/></c><c r="F1" t="inlineStr"><is><t/></is></c>` +
		`<c r="G1" t="str"><is><t>ignored for str</t></is><v>str</v></c></row>`), sst: baseSST},
	{name: "references and line breaks", sheet: sheetXML(`<row r="1">` +
		`<c r="A1" t="str"><v>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#65;&#x42;&#xd800;&#x1F600;</v></c>` +
		"<c r=\"B1\" t=\"str\"><v>one\r\ntwo\rthree\n\rfour&#13;&#10;five\r\r\nsix</v></c>" +
		`<c r="&#67;1" t="&#115;"><v>&#49;</v></c>` +
		"<c r=\"D1\" t=\"str\"><v>tab\there ]] &gt; ]&gt; > ok</v></c>" +
		`<c r="E1" t="str"><v>Ñoño 日本 😀 ǅ</v></c></row>`), sst: baseSST},
	{name: "gaps and missing r", sheet: sheetXML(
		`<row r="2"><c r="B2"><v>1</v></c></row>` +
			`<row><c><v>a</v></c><c><v>b</v></c><c r="E3"><v>e</v></c><c><v>f</v></c></row>` +
			`<row r="7" spans="1:3" ht="20" customHeight="1"><c r="C7" t="s"><v>1</v></c></row>` +
			`<row r="0"><c r="A8"><v>row zero is the next</v></c></row>` +
			`<row r="20"/>` +
			`<row r="25"><c r="A25"><v>last</v></c></row>`), sst: baseSST},
	{name: "self-closing and empty", sheet: sheetXML(
		`<row r="1"/><row r="2"><c r="A2"/><c r="C2"><v>x</v></c><c r="D2"/><c r="E2" s="3"></c></row>` +
			`<row r="3" spans="1:3"></row><row r="4"><c r="A4" t="s"><v></v></c><c r="B4"><v/></c></row>` +
			`<row r="5"><c r="A5"><v>keep</v></c><c r="B5" t="str"><v></v></c></row>`), sst: baseSST},
	{name: "cell types", sheet: sheetXML(`<row r="1">` +
		`<c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#DIV/0!</v></c>` +
		`<c r="D1" t="str"><v>text</v></c><c r="E1" t="d"><v>2021-01-01T10:10:10</v></c>` +
		`<c r="F1" t="n"><v>6.28123E+11</v></c><c r="G1"><v>6281234567890</v></c><c r="H1" t="weird"><v>w</v></c>` +
		`<c r="I1" t="s"><v> 1 </v></c><c r="J1" t="s"><v>abc</v></c><c r="K1" s="3" t="s"><v>2</v></c>` +
		`<c r="L1" t="s"><v>000004</v></c>` +
		`</row>`), sst: baseSST},
	{name: "formulas", sheet: sheetXML(`<row r="1">` +
		`<c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>A1</f></c>` +
		`<c r="C1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>` +
		`<c r="D1"><f t="shared" ref="D1:D3" si="0">A1*2</f><v>4</v></c>` +
		`<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>` +
		`<c r="F1"><f aca="true" ca="1" bx="false" dt2D="0" dtr="1" del1=" 0 " del2="" si=" 3 "/></c>` +
		`</row><row r="2"><c r="D2"><f t="shared" si="0"/><v>6</v></c><c r="H2"><f>A1</f><v></v></c></row>`), sst: baseSST},
	{name: "attribute forms", sheet: sheetXML(`<row r='1'>` +
		`<c t='s' r='A1'><v>0</v></c><c r = "B1" t= "str" ><v>x</v></c><c r="C1"t="str"><v>y</v></c>` +
		`<c r="D1" r="E1"><v>last r wins</v></c><c r="F1" t="str" t="n"><v>5</v></c></row>`), sst: baseSST},
	{name: "ref forms", sheet: sheetXML(`<row r="1"><c r="a1"><v>lower</v></c><c r="$C$1"><v>absolute</v></c>` +
		`<c r="XFD1"><v>last column</v></c></row><row r="1048576"><c r="A1048576"><v>last row</v></c></row>`), sst: baseSST},
	{name: "pretty printed with a BOM", sheet: "\uFEFF" + xmlDecl + "<worksheet " + mainXMLNS + ">\n  <sheetPr><tabColor rgb=\"FF00FF00\"/></sheetPr>\n" +
		"  <sheetData>\n    <row r=\"1\">\n      <c r=\"A1\" t=\"s\">\n        <v>0</v>\n      </c>\n" +
		"      <c r=\"B1\" t=\"str\"><v xml:space=\"preserve\">  a  </v></c>\n    </row>\n  </sheetData>\n" +
		"  <pageMargins left=\"0.7\" right=\"0.7\"/>\n</worksheet>\n", sst: baseSST},
	{name: "columns going back", sheet: sheetXML(`<row r="1"><c r="C1"><v>c</v></c><c r="A1"><v>a</v></c><c><v>b</v></c>` +
		`<c r="B1"/><c r="B1"><v>b again</v></c></row><row r="2"><c r="D2"/><c r="B2"><v>b</v></c></row>`)},
	{name: "several v", sheet: sheetXML(`<row r="1"><c r="A1"><v>1</v><v>2</v></c><c r="B1"><v>a<x>ignored</x>b</v></c></row>`), sst: baseSST},
	{name: "declarations", sheet: `<?xml version='1.0' encoding='utf-8'?><worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>`},
	{name: "no declaration, no shared strings", sheet: `<worksheet><sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`},
	{name: "no rows", sheet: sheetXML(``), sst: baseSST},
	{name: "empty sheetData", sheet: `<worksheet><sheetData/></worksheet>`, sst: baseSST},
	{name: "no sheetData", sheet: `<worksheet><dimension ref="A1"/></worksheet>`, sst: baseSST},
	{name: "empty parts", sheet: ``, sst: ``},
	{name: "comments and processing instructions", sheet: xmlDecl + `<!-- by hand --><?app data?><worksheet ` + mainXMLNS + `><sheetData>` +
		`<row r="1"><!----><c r="A1" t="str"><v>a<!-- x -->b<?p?>c</v></c></row><!-- between --><?app?>` +
		`<row r="2"><c r="A2"><!-- in a cell --><v>2</v></c></row></sheetData></worksheet>`,
		sst: xmlDecl + `<!-- table --><sst ` + mainXMLNS + `><si><t>x<!-- y --></t></si><!----></sst><!-- after -->`},
	{name: "sheetData ended early", sheet: xmlDecl + `<worksheet><ext><sheetData/></ext><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`},
	{name: "empty shared strings part", sheet: sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`), sst: xmlDecl},
	{name: "after sheetData", sheet: sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`)[:len(sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`))-len("</worksheet>")] +
		`<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><rowBreaks count="0"/><extLst><ext uri="x"><c/></ext></extLst></worksheet>`, sst: baseSST},
}

// TestFastReaderHandWritten compares the readers on handWrittenSheets.
func TestFastReaderHandWritten(t *testing.T) {
	for _, tt := range handWrittenSheets {
		t.Run(tt.name, func(t *testing.T) {
			p := handWritten(t, tt.sheet, tt.sst)
			for sheet, fast := range compareReaders(t, p) {
				if !fast {
					t.Errorf("sheet %q was handed over to excelize", sheet)
				}
			}
		})
	}
}

// TestFastReaderContentTypes checks that a workbook whose content types excelize cannot
// parse is left to excelize: its iterator fails on the first row it reads and only then.
func TestFastReaderContentTypes(t *testing.T) {
	sheet := sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`)
	for _, ct := range []string{"<Types", `<Types xmlns="urn:other"/>`} {
		p := handWritten(t, sheet, baseSST, "[Content_Types].xml", ct)
		src, err := Open(p, OpenOptions{})
		if err == nil {
			src.Close()
		}
		if errCode(err) != CodeFileNoRows {
			t.Errorf("content types %q: Open error %v, want %s as with excelize alone", ct, err, CodeFileNoRows)
		}
	}
	p := handWritten(t, sheet, baseSST, "[Content_Types].xml", "")
	for sheet, fast := range compareReaders(t, p) {
		if !fast {
			t.Errorf("empty content types: sheet %q was handed over to excelize", sheet)
		}
	}
}

// TestFastReaderHandsOver covers XML the fast reader leaves to excelize, from the start
// or after some rows: the rows must still be excelize's, errors included.
func TestFastReaderHandsOver(t *testing.T) {
	rows := `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`
	tests := []struct {
		name       string
		sheet, sst string
	}{
		{name: "CDATA", sheet: sheetXML(rows + `<row r="3"><c r="A3" t="str"><v><![CDATA[<5>]]></v></c></row>`)},
		{name: "DTD", sheet: `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x "y">]><worksheet><sheetData>` + rows + `</sheetData></worksheet>`},
		{name: "mismatched end tag", sheet: sheetXML(rows + `<row r="3"><c r="A3"><v>3</v></c></rowx><row r="4"><c r="A4"><v>4</v></c></row>`)},
		{name: "unknown entity", sheet: sheetXML(rows + `<row r="3"><c r="A3" t="str"><v>a&nbsp;b</v></c></row>`)},
		{name: "upper-case X reference", sheet: sheetXML(rows + `<row r="3"><c r="A3" t="str"><v>&#X41;</v></c></row>`)},
		{name: "reference to a forbidden character", sheet: sheetXML(rows + `<row r="3"><c r="A3" t="str"><v>&#1;</v></c></row>`)},
		{name: "control character", sheet: sheetXML(rows + "<row r=\"3\"><c r=\"A3\" t=\"str\"><v>a\x01b</v></c></row>")},
		{name: "invalid UTF-8", sheet: sheetXML(rows + "<row r=\"3\"><c r=\"A3\" t=\"str\"><v>a\xffb</v></c></row>")},
		{name: "]]> in text", sheet: sheetXML(rows + `<row r="3"><c r="A3" t="str"><v>a]]>b</v></c></row>`)},
		{name: "< in an attribute", sheet: sheetXML(rows + `<row r="3"><c r="A3" t="str" x="<"><v>3</v></c></row>`)},
		{name: "rows going down", sheet: sheetXML(rows + `<row r="5"><c r="A5"><v>5</v></c></row><row r="4"><c r="B4"><v>4</v></c></row><row r="6"><c r="A6"><v>6</v></c></row>`)},
		{name: "row repeated", sheet: sheetXML(rows + `<row r="2"><c r="B2"><v>again</v></c></row>`)},
		{name: "cell between rows", sheet: sheetXML(rows + `<c r="C2"><v>stray</v></c><row r="3"><c r="A3"><v>3</v></c></row>`)},
		{name: "row after sheetData", sheet: xmlDecl + `<worksheet><sheetData>` + rows + `</sheetData><extLst><row r="9"><c r="A9"><v>late</v></c></row></extLst></worksheet>`},
		{name: "row outside sheetData", sheet: xmlDecl + `<worksheet><foo><row r="1"><c r="A1"><v>x</v></c></row></foo><sheetData>` + rows + `</sheetData></worksheet>`},
		{name: "bad cell reference", sheet: sheetXML(rows + `<row r="3"><c r="1A"><v>3</v></c></row>`)},
		{name: "column past the last", sheet: sheetXML(rows + `<row r="3"><c r="XFE3"><v>3</v></c></row>`)},
		{name: "shared string out of range", sheet: sheetXML(rows + `<row r="3"><c r="A3" t="s"><v>99</v></c></row>`)},
		{name: "row number not a number", sheet: sheetXML(rows + `<row r="x3"><c r="A3"><v>3</v></c></row>`)},
		{name: "row past the last", sheet: sheetXML(rows + `<row r="1048577"><c r="A1"><v>3</v></c></row>`)},
		{name: "style not a number", sheet: sheetXML(rows + `<row r="3"><c r="A3" s="x" t="str"><v>3</v></c></row>`)},
		{name: "unknown element in a cell", sheet: sheetXML(rows + `<row r="3"><c r="A3"><extLst/><v>3</v></c></row>`)},
		{name: "unknown element in a row", sheet: sheetXML(rows + `<row r="3"><x/><c r="A3"><v>3</v></c></row>`)},
		{name: "formula attribute not a number", sheet: sheetXML(rows + `<row r="3"><c r="A3"><f si="x">1</f><v>3</v></c></row>`)},
		{name: "two inline strings", sheet: sheetXML(rows + `<row r="3"><c r="A3" t="inlineStr"><is><t>a</t></is><is><r><t>b</t></r></is></c></row>`)},
		{name: "inline rich text property not a number", sheet: sheetXML(rows + `<row r="3"><c r="A3" t="inlineStr"><is><r><rPr><sz val="big"/></rPr><t>b</t></r></is></c></row>`)},
		{name: "comment cut short", sheet: sheetXML(rows + `<!-- a -- b --><row r="3"><c r="A3"><v>3</v></c></row>`)},
		{name: "processing instruction with a bad name", sheet: sheetXML(rows + `<?1app data?><row r="3"><c r="A3"><v>3</v></c></row>`)},
		{name: "encoding other than UTF-8", sheet: `<?xml version="1.0" encoding="ISO-8859-1"?><worksheet><sheetData><row r="1"><c r="A1" t="str"><v>Jos` + "\xe9" + `</v></c></row></sheetData></worksheet>`},
		{name: "XML 1.1", sheet: `<?xml version="1.1"?><worksheet><sheetData>` + rows + `</sheetData></worksheet>`},
		{name: "non-ASCII element name", sheet: xmlDecl + `<worksheet><café/><sheetData>` + rows + `</sheetData></worksheet>`},
		{name: "cut off inside a row", sheet: sheetXML(rows)[:len(sheetXML(rows))-40]},
		{name: "shared strings: run property not a boolean", sheet: sheetXML(rows), sst: sstXML(`<r><rPr><b val="maybe"/></rPr><t>x</t></r>`)},
		{name: "shared strings: boolean property with a child", sheet: sheetXML(rows), sst: sstXML(`<r><rPr><b><x/></b></rPr><t>x</t></r>`)},
		{name: "shared strings: colour not a number", sheet: sheetXML(rows), sst: sstXML(`<r><rPr><color theme="dark"/></rPr><t>x</t></r>`)},
		{name: "shared strings: phonetic run not a number", sheet: sheetXML(rows), sst: sstXML(`<t>x</t><rPh sb="-1" eb="0"><t>y</t></rPh>`)},
		{name: "shared strings: count not a number", sheet: sheetXML(rows), sst: `<sst ` + mainXMLNS + ` count="many"><si><t>x</t></si></sst>`},
		{name: "shared strings: other namespace", sheet: sheetXML(rows), sst: `<sst xmlns="urn:other"><si><t>x</t></si></sst>`},
		{name: "shared strings: no namespace", sheet: sheetXML(rows), sst: `<sst><si><t>x</t></si></sst>`},
		{name: "shared strings: strict", sheet: sheetXML(rows), sst: `<sst xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><si><t>x</t></si></sst>`},
		{name: "shared strings: strict URL in a string", sheet: sheetXML(rows), sst: sstXML(`<t>see http://purl.oclc.org/ooxml/spreadsheetml/main</t>`)},
		{name: "shared strings: element beside si", sheet: sheetXML(rows), sst: `<sst ` + mainXMLNS + `><si><t>x</t></si><extLst/></sst>`},
		{name: "shared strings: something after the root", sheet: sheetXML(rows), sst: `<sst ` + mainXMLNS + `><si><t>x</t></si></sst><si><t>y</t></si>`},
		{name: "shared strings: other root", sheet: sheetXML(rows), sst: `<table ` + mainXMLNS + `><si><t>x</t></si></table>`},
		{name: "shared strings: malformed", sheet: sheetXML(rows), sst: `<sst ` + mainXMLNS + `><si><t>x</si></sst>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sst := tt.sst
			if sst == "" {
				sst = sstXML(`<t>Nama</t>`)
			}
			p := handWritten(t, tt.sheet, sst)
			for sheet, fast := range compareReaders(t, p) {
				if fast {
					t.Errorf("sheet %q was read without excelize", sheet)
				}
			}
		})
	}
}

// streamedSheet returns a sheet of n rows whose text has multi-byte characters,
// references and line breaks at every offset, so that some straddle the scanner's reads.
func streamedSheet(n int, extra string) string {
	var b strings.Builder
	b.WriteString(xmlDecl + `<worksheet ` + mainXMLNS + `><sheetData>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c>`, i, i, i%3)
		fmt.Fprintf(&b, `<c r="B%d" t="str"><v>%s&amp;é😀&#x41;`+"\r\n"+`%d</v></c>`, i, strings.Repeat("x", i%97), i)
		fmt.Fprintf(&b, `<c r="C%d"><v>62812%08d</v></c></row>`+"\n", i, i)
	}
	b.WriteString(extra + `</sheetData></worksheet>`)
	return b.String()
}

// streamedSST is a table with rich text and a long stretch of blank text.
var streamedSST = xmlDecl + `<sst ` + mainXMLNS + ` count="3">` + strings.Repeat(" \r\n", 100_000) +
	`<si><t>Nama</t></si><si><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r></si><si><t>日本</t></si></sst>`

// tempAbove makes excelize keep the parts of the tests' workbooks in temporary files,
// as it does with parts over 16 MiB, so that the fast reader streams them.
const tempAbove = 4 << 10

// TestFastReaderLargeParts compares the readers on parts excelize keeps in temporary
// files, which the fast reader streams from the archive: the text of the cells crosses
// the boundaries of its reads at every offset.
func TestFastReaderLargeParts(t *testing.T) {
	p := handWritten(t, streamedSheet(3000, ""), streamedSST)
	for sheet, fast := range compareReadersWith(t, p, tempAbove, math.MaxInt) {
		if !fast {
			t.Errorf("sheet %q was handed over to excelize", sheet)
		}
	}
	f, b := openBook(t, p, tempAbove)
	defer f.Close()
	for _, key := range []string{"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"} {
		if src, err := b.fast.part(key, false); err != nil || src.entry == nil {
			t.Errorf("part %s = %+v, %v; want it read from the archive", key, src, err)
		}
	}

	t.Run("tag too long for the buffer", func(t *testing.T) {
		long := `<row r="20001"><c r="A20001" t="str" x="` + strings.Repeat("y", maxXMLTag) + `"><v>long</v></c></row>`
		p := handWritten(t, streamedSheet(100, long), streamedSST)
		for sheet, fast := range compareReadersWith(t, p, tempAbove, math.MaxInt) {
			if fast {
				t.Errorf("sheet %q was read without excelize", sheet)
			}
		}
	})
	t.Run("cut off", func(t *testing.T) {
		s := streamedSheet(100, "")
		p := handWritten(t, s[:len(s)-30], streamedSST)
		for sheet, fast := range compareReadersWith(t, p, tempAbove, math.MaxInt) {
			if fast {
				t.Errorf("sheet %q was read without excelize", sheet)
			}
		}
	})
}

// TestFastReaderFileChanged checks that the rows are those of the file Open read, as
// they were with excelize alone, when the file changes or goes away after Open.
func TestFastReaderFileChanged(t *testing.T) {
	sheet := streamedSheet(50, "")
	for _, change := range []string{"rewritten", "deleted"} {
		t.Run(change, func(t *testing.T) {
			p := handWritten(t, sheet, streamedSST)
			f, b := openBook(t, p, tempAbove)
			defer f.Close()
			b.sheet = "Sheet1"
			first := readSheet(t, b)
			if !first.fast {
				t.Fatal("the fast reader handed over before the file changed")
			}
			if change == "deleted" {
				if err := os.Remove(p); err != nil {
					t.Fatal(err)
				}
			} else {
				other := handWritten(t, strings.ReplaceAll(sheet, "62812", "62813"), streamedSST)
				if err := os.Rename(other, p); err != nil {
					t.Fatal(err)
				}
			}
			if again := readSheet(t, b); !slices.Equal(again.rows, first.rows) || again.end != first.end {
				t.Errorf("after the file was %s:\n%s", change, rowsDiff(first, again))
			}
		})
	}
}

func readSheet(t *testing.T, b *workbook) sheetRead {
	t.Helper()
	rr, err := b.open(0)
	if err != nil {
		t.Fatal(err)
	}
	return readWith(rr, math.MaxInt)
}

// TestFastReaderLimits checks the one thing the fast reader does differently from
// excelize on purpose: a cell or row of more than maxLine bytes is an error, with the
// row, as a CSV record is.
func TestFastReaderLimits(t *testing.T) {
	big := strings.Repeat("x", maxLine+1)
	third := strings.Repeat("y", maxLine/3+1)
	head := `<row r="1"><c r="A1" t="str"><v>Nama</v></c><c r="B1" t="str"><v>Catatan</v></c></row>` +
		`<row r="2"><c r="A2" t="str"><v>Budi</v></c><c r="B2" t="str"><v>ok</v></c></row>`
	tests := []struct {
		name       string
		rows, sst  string
		wantErrRow string // "" when the file reads
	}{
		{name: "value of maxLine bytes", rows: `<row r="3"><c r="A3" t="str"><v>` + big[1:] + `</v></c></row>`},
		{name: "value over maxLine", rows: `<row r="3"><c r="A3" t="str"><v>` + big + `</v></c></row>`, wantErrRow: "3"},
		{name: "inline string over maxLine", rows: `<row r="4"><c r="B4" t="inlineStr"><is><t>` + big + `</t></is></c></row>`, wantErrRow: "4"},
		{name: "row over maxLine", rows: `<row r="5"><c r="A5" t="str"><v>` + third + `</v></c><c r="B5" t="str"><v>` + third + `</v></c><c r="C5" t="str"><v>` + third + `</v></c></row>`, wantErrRow: "5"},
		{name: "shared string over maxLine", rows: `<row r="6"><c r="A6" t="s"><v>1</v></c></row>`, sst: sstXML(`<t>Nama</t>`, `<t>`+big+`</t>`), wantErrRow: "6"},
		{name: "value over maxLine after the rows Open reads", rows: func() string {
			var b strings.Builder
			for i := 3; i < 203; i++ {
				fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="str"><v>Orang %d</v></c></row>`, i, i, i)
			}
			return b.String() + `<row r="203"><c r="B203" t="str"><v>` + big + `</v></c></row>`
		}(), wantErrRow: "203"},
		{name: "long shared string not used", rows: `<row r="6"><c r="A6" t="s"><v>0</v></c></row>`, sst: sstXML(`<t>Nama</t>`, `<t>`+big+`</t>`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sst := tt.sst
			if sst == "" {
				sst = sstXML(`<t>Nama</t>`)
			}
			// Open reads the first 70 rows, Records the others.
			src, err := Open(handWritten(t, sheetXML(head+tt.rows), sst), OpenOptions{})
			if err == nil {
				defer src.Close()
				recs, rerr := src.Records(src.Suggested)
				if rerr != nil {
					t.Fatal(rerr)
				}
				defer recs.Close()
				for err == nil {
					_, err = recs.Next()
				}
			}
			var e *apperr.Error
			switch {
			case tt.wantErrRow == "" && err != io.EOF:
				t.Errorf("error %v, want none", err)
			case tt.wantErrRow != "" && (!errors.As(err, &e) || e.Code != CodeLineTooLong || e.Params["row"] != tt.wantErrRow):
				t.Errorf("error %v, want %s at row %s", err, CodeLineTooLong, tt.wantErrRow)
			}
		})
	}
}

// TestFastReaderIsUsed checks that Open and Records read an ordinary workbook with the
// fast reader, which also tells when a new excelize no longer lets it find the sheet.
func TestFastReaderIsUsed(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Nama", "No HP"})
	for i := 2; i <= 100; i++ {
		f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i), &[]any{fmt.Sprintf("Orang %d", i), 6281200000000 + i})
	}
	p := filepath.Join(t.TempDir(), "used.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	f.Close()
	src, err := Open(p, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	rr, err := src.rows()
	if err != nil {
		t.Fatal(err)
	}
	fr, ok := rr.(*fastRows)
	if !ok {
		t.Fatalf("rows read by %T, want *fastRows", rr)
	}
	if got := readWith(fr, math.MaxInt); !got.fast || len(got.rows) != 100 {
		t.Errorf("fast reader read %d rows, handed over: %v; want 100 rows by itself", len(got.rows), !got.fast)
	}
}

// BenchmarkRecordsXLSXReaders streams a 50,000-row workbook with a shared-string table
// through Records, with the fast reader and with excelize's iterator.
func BenchmarkRecordsXLSXReaders(b *testing.B) {
	const n = 50_000
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Nama", "No HP", "Email", "Grup"})
	for i := range n {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		f.SetSheetRow("Sheet1", cell, &[]any{fmt.Sprintf("Orang %d", i), 6281200000000 + int64(i),
			fmt.Sprintf("orang%d@example.com", i), "keluarga, kantor"})
	}
	p := filepath.Join(b.TempDir(), "bench.xlsx")
	if err := f.SaveAs(p); err != nil {
		b.Fatal(err)
	}
	f.Close()
	for _, reader := range []string{"fast", "excelize"} {
		b.Run(reader, func(b *testing.B) {
			src, err := Open(p, OpenOptions{})
			if err != nil {
				b.Fatal(err)
			}
			defer src.Close()
			if reader == "excelize" {
				src.book.fast = nil
			}
			rows := 0
			for b.Loop() {
				recs, err := src.Records(src.Suggested)
				if err != nil {
					b.Fatal(err)
				}
				for rows = 0; ; rows++ {
					if _, err := recs.Next(); err == io.EOF {
						break
					} else if err != nil {
						b.Fatal(err)
					}
				}
				recs.Close()
			}
			if rows != n {
				b.Fatalf("read %d rows, want %d", rows, n)
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// FuzzFastReader compares the readers on a sheet and a shared-string table made of
// arbitrary bytes, from the hand-written ones: whatever the XML, the rows must be
// excelize's.
func FuzzFastReader(f *testing.F) {
	for _, tt := range handWrittenSheets {
		f.Add(tt.sheet, tt.sst)
	}
	f.Add(sheetXML(`<row r="1"><c r="A1" t="str"><v>a]]>b&#1;</v></c></row><!-- x -- y -->`), `<sst><si><t>x</si></sst>`)
	f.Fuzz(func(t *testing.T, sheet, sst string) {
		if len(sheet) > 1<<16 || len(sst) > 1<<16 {
			return
		}
		// The first 2,000 rows: a sheet that jumps to row 1,048,576 is slow to compare.
		compareReadersWith(t, handWritten(t, sheet, sst), 0, 2000)
	})
}

// TestFastReaderRandom compares the readers on random sheets in the forms the other
// tests cover one by one, mixed: prefixes, gaps, missing and lower-case references, every
// cell type, formulas, inline and shared rich text, references and line breaks in the
// text, comments; now and then something the fast reader leaves to excelize.
func TestFastReaderRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 11))
	n := 300
	if testing.Short() {
		n = 30
	}
	handed := 0
	for i := range n {
		sheet, sst := randomSheet(rng)
		p := handWritten(t, sheet, sst)
		for _, fast := range compareReaders(t, p) {
			if !fast {
				handed++
			}
		}
		if t.Failed() {
			t.Fatalf("workbook %d:\nsheet: %s\nshared strings: %s", i, sheet, sst)
		}
	}
	t.Logf("%d of %d sheets handed over to excelize", handed, n)
}

// randomText is cell text with what XML escapes and rewrites.
func randomText(rng *rand.Rand) string {
	parts := []string{"Budi", " ", "Santoso", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#65;", "&#x42;",
		"\r\n", "\r", "\n", "\t", "é", "日本", "😀", "_x000D_", "_x005F_x0041_", "0812", "6.28E+11", "]", ">"}
	var b strings.Builder
	for range rng.IntN(5) {
		b.WriteString(parts[rng.IntN(len(parts))])
	}
	return b.String()
}

// randomItem is the inside of a string item: plain, rich text or with phonetic runs.
func randomItem(rng *rand.Rand, p string) string {
	t := func() string {
		if rng.IntN(8) == 0 {
			return "<" + p + "t/>"
		}
		return "<" + p + `t xml:space="preserve">` + randomText(rng) + "</" + p + "t>"
	}
	var b strings.Builder
	for range 1 + rng.IntN(3) {
		switch rng.IntN(6) {
		case 0, 1:
			b.WriteString(t())
		case 2, 3:
			b.WriteString("<" + p + "r>")
			if rng.IntN(2) == 0 {
				b.WriteString("<" + p + `rPr><` + p + `b/><` + p + `sz val="11"/><` + p + `color theme="1"/><` + p + `rFont val="Arial"/></` + p + "rPr>")
			}
			if rng.IntN(6) > 0 {
				b.WriteString(t())
			}
			b.WriteString("</" + p + "r>")
		case 4:
			b.WriteString("<" + p + `rPh sb="0" eb="1">` + t() + "</" + p + "rPh>")
		default:
			b.WriteString("<" + p + `phoneticPr fontId="1"/>`)
		}
	}
	return b.String()
}

// randomSheet returns a sheet and its shared strings.
func randomSheet(rng *rand.Rand) (sheet, sst string) {
	p := ""
	if rng.IntN(4) == 0 {
		p = "x:"
	}
	ns := mainXMLNS
	if p != "" {
		ns = `xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	}
	nsst := rng.IntN(6)
	var ss strings.Builder
	ss.WriteString(xmlDecl + "<" + p + "sst " + ns + ">")
	for range nsst {
		ss.WriteString("<" + p + "si>" + randomItem(rng, p) + "</" + p + "si>")
	}
	ss.WriteString("</" + p + "sst>")

	var b strings.Builder
	if rng.IntN(3) > 0 {
		b.WriteString(xmlDecl)
	}
	b.WriteString("<" + p + "worksheet " + ns + ">")
	if rng.IntN(2) == 0 {
		b.WriteString("<" + p + `dimension ref="A1:H40"/><!-- c --><` + p + `cols><` + p + `col min="1" max="2"/></` + p + "cols>")
	}
	b.WriteString("<" + p + "sheetData>")
	row := 0
	weird := rng.IntN(10) == 0
	for range rng.IntN(30) {
		rowBefore := row
		row += 1 + rng.IntN(3)*rng.IntN(2)
		attrs := ""
		switch rng.IntN(6) {
		case 0: // no r: excelize numbers it after the last one
			row = rowBefore + 1
		case 1:
			attrs = fmt.Sprintf(` spans="1:5" r="%d" ht="15"`, row)
		default:
			attrs = fmt.Sprintf(` r="%d"`, row)
		}
		if rng.IntN(15) == 0 {
			b.WriteString("<" + p + "row" + attrs + "/>")
			continue
		}
		b.WriteString("<" + p + "row" + attrs + ">")
		col := 0
		for range rng.IntN(8) {
			colBefore := col
			col += 1 + rng.IntN(3)*rng.IntN(2)
			ref := ""
			switch rng.IntN(8) {
			case 0: // none: the next column
				col = colBefore + 1
			case 1:
				ref = fmt.Sprintf(` r="%s"`, strings.ToLower(colName(col))+fmt.Sprint(row))
			case 2:
				ref = fmt.Sprintf(` r="$%s$%d"`, colName(col), row)
			default:
				ref = fmt.Sprintf(` r="%s%d"`, colName(col), row)
			}
			typ := []string{"", "s", "s", "s", "str", "inlineStr", "b", "e", "n", "d", "S"}[rng.IntN(11)]
			if typ == "s" && nsst == 0 {
				typ = "str" // an index into an empty table is an error, left to excelize
			}
			attrs := ref
			if typ != "" {
				attrs += ` t="` + typ + `"`
			}
			if rng.IntN(3) == 0 {
				attrs += ` s="2"`
			}
			if rng.IntN(10) == 0 {
				b.WriteString("<" + p + "c" + attrs + "/>")
				continue
			}
			b.WriteString("<" + p + "c" + attrs + ">")
			if rng.IntN(6) == 0 {
				b.WriteString("<" + p + "f>SUM(A1:A2)</" + p + "f>")
			}
			switch {
			case typ == "inlineStr" && rng.IntN(4) > 0:
				b.WriteString("<" + p + "is>" + randomItem(rng, p) + "</" + p + "is>")
			case typ == "s":
				b.WriteString(fmt.Sprintf("<%sv>%s</%sv>", p, []string{"", " 0 ", "abc", fmt.Sprint(rng.IntN(nsst))}[rng.IntN(4)], p))
			case rng.IntN(5) > 0:
				b.WriteString("<" + p + "v>" + randomText(rng) + "</" + p + "v>")
			}
			if rng.IntN(12) == 0 {
				b.WriteString("<!-- in a cell -->")
			}
			b.WriteString("</" + p + "c>")
		}
		b.WriteString("</" + p + "row>\n")
		if weird && rng.IntN(4) == 0 {
			weird = false
			b.WriteString([]string{"<" + p + "c><" + p + "v>stray</" + p + "v></" + p + "c>",
				"<" + p + `row r="1"/>`, "<![CDATA[x]]>", "&bogus;"}[rng.IntN(4)])
		}
	}
	b.WriteString("</" + p + "sheetData></" + p + "worksheet>")
	return b.String(), ss.String()
}

func colName(c int) string {
	name, _ := excelize.ColumnNumberToName(c)
	return name
}
