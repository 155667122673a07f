package importer_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"kontak/backend/apperr"
	"kontak/backend/importer"
)

// write puts data into a file of the given name in a fresh temp folder.
func write(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// codeOf returns the apperr code of err, "" for nil, and the error text for errors
// without a code.
func codeOf(err error) string {
	if err == nil {
		return ""
	}
	var e *apperr.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return "uncoded: " + err.Error()
}

// readAll opens path and returns every record read with the suggested mapping.
func readAll(t *testing.T, src *importer.Source) []importer.Record {
	t.Helper()
	recs, err := src.Records(src.Suggested)
	if err != nil {
		t.Fatalf("Records: %v", err)
	}
	defer recs.Close()
	var out []importer.Record
	var last int64
	for {
		r, err := recs.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("Next after %d records: %v", len(out), err)
		}
		if d := recs.Done(); d < last {
			t.Errorf("Done went down from %d to %d", last, d)
		} else {
			last = d
		}
		out = append(out, r)
	}
	if got := recs.Done(); got != src.Size {
		t.Errorf("Done at the end = %d, want Size %d", got, src.Size)
	}
	return out
}

func utf16LE(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16BE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

// xlsxFile builds a workbook with excelize; fill sets its cells.
func xlsxFile(t *testing.T, name string, fill func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	fill(f)
	p := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func set(t *testing.T, f *excelize.File, sheet, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
}

// zipFile builds a zip archive with the given members.
func zipFile(t *testing.T, name string, members map[string]string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, body := range members {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return write(t, name, buf.Bytes())
}

func rows(n int, format string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, format, i, 10000000+i)
	}
	return b.String()
}

// detected is what Open reports about a file, without the mapping.
type detected struct {
	Format    importer.Format
	Profile   importer.Profile
	Encoding  string
	Delimiter string
	Sheet     string
	HeaderRow int
	Header    []string
}

func detect(s *importer.Source) detected {
	return detected{s.Format, s.Profile, s.Encoding, s.Delimiter, s.Sheet, s.HeaderRow, s.Header}
}

func TestOpen(t *testing.T) {
	type P = importer.Phone
	type F = importer.Field
	tests := []struct {
		name    string
		path    func(t *testing.T) string
		opts    importer.OpenOptions
		want    detected
		wantMap []importer.ColumnMap // nil: not checked
		wantErr string
		records []importer.Record // nil: not checked
	}{
		{
			name: "indonesian semicolon csv with bom",
			path: func(t *testing.T) string {
				return write(t, "pelanggan.csv", []byte("\xEF\xBB\xBFNama;No. HP;Email;Grup\r\n"+
					"\"Santoso; Budi\";0812-3456-7890;budi@example.com;Pelanggan, VIP\r\n"+
					"Siti  Rahayu ;+62 813 1111 2222;;Arisan|Keluarga\r\n"))
			},
			want: detected{Format: "csv", Encoding: "utf-8-bom", Delimiter: ";", HeaderRow: 1,
				Header: []string{"Nama", "No. HP", "Email", "Grup"}},
			wantMap: []importer.ColumnMap{{Role: "name"}, {Role: "phone", Key: "mobile"}, {Role: "email"}, {Role: "group"}},
			records: []importer.Record{
				{Row: 2, Name: "Santoso; Budi", Phones: []P{{"0812-3456-7890", "mobile"}}, Email: "budi@example.com",
					Groups: []string{"Pelanggan", "VIP"}},
				{Row: 3, Name: "Siti Rahayu", Phones: []P{{"+62 813 1111 2222", "mobile"}}, Groups: []string{"Arisan", "Keluarga"}},
			},
		},
		{
			name: "windows-1252 bytes",
			path: func(t *testing.T) string {
				return write(t, "old.csv", []byte("Nama,Telepon,Kota\nJos\xE9 Ram\xEDrez,08123456789,Bogot\xE1\n"))
			},
			want: detected{Format: "csv", Encoding: "windows-1252", Delimiter: ",", HeaderRow: 1,
				Header: []string{"Nama", "Telepon", "Kota"}},
			records: []importer.Record{{Row: 2, Name: "José Ramírez", Phones: []P{{"08123456789", ""}},
				Fields: []F{{"Kota", "Bogotá"}}}},
		},
		{
			name: "utf-16le with bom",
			path: func(t *testing.T) string {
				return write(t, "unicode.txt", utf16LE("Nama\tHP\r\nDewi Ayu\t0812 3456 7890\r\nÉlodie\t0813-2222-3333\r\n", true))
			},
			want: detected{Format: "csv", Encoding: "utf-16le", Delimiter: "\t", HeaderRow: 1, Header: []string{"Nama", "HP"}},
			records: []importer.Record{
				{Row: 2, Name: "Dewi Ayu", Phones: []P{{"0812 3456 7890", "mobile"}}},
				{Row: 3, Name: "Élodie", Phones: []P{{"0813-2222-3333", "mobile"}}},
			},
		},
		{
			name: "utf-16be without bom",
			path: func(t *testing.T) string {
				return write(t, "be.csv", utf16BE("Name,Phone\nAgus,081234567890\nRina,081298765432\n"))
			},
			want: detected{Format: "csv", Encoding: "utf-16be", Delimiter: ",", HeaderRow: 1, Header: []string{"Name", "Phone"}},
		},
		{
			name: "cr-only line endings",
			path: func(t *testing.T) string {
				return write(t, "mac.csv", []byte("Nama,HP\r\rBudi,081234567890\r\"Siti\rAminah\",081311112222\rAgus,081399998888\r"))
			},
			want: detected{Format: "csv", Encoding: "utf-8", Delimiter: ",", HeaderRow: 1, Header: []string{"Nama", "HP"}},
			records: []importer.Record{
				{Row: 3, Name: "Budi", Phones: []P{{"081234567890", "mobile"}}},
				{Row: 4, Name: "Siti Aminah", Phones: []P{{"081311112222", "mobile"}}},
				{Row: 5, Name: "Agus", Phones: []P{{"081399998888", "mobile"}}},
			},
		},
		{
			name: "tab delimited with a comma in a name",
			path: func(t *testing.T) string {
				return write(t, "tab.tsv", []byte("Nama\tWhatsApp\tAlamat\nSantoso, Budi\t081234567890\tJl. Merdeka 1, Bandung\n"+
					"Rina\t081298765432\tJl. Sudirman 2, Jakarta\n"))
			},
			want: detected{Format: "csv", Encoding: "utf-8", Delimiter: "\t", HeaderRow: 1, Header: []string{"Nama", "WhatsApp", "Alamat"}},
			records: []importer.Record{
				{Row: 2, Name: "Santoso, Budi", Phones: []P{{"081234567890", "mobile"}}, Fields: []F{{"Alamat", "Jl. Merdeka 1, Bandung"}}},
				{Row: 3, Name: "Rina", Phones: []P{{"081298765432", "mobile"}}, Fields: []F{{"Alamat", "Jl. Sudirman 2, Jakarta"}}},
			},
		},
		{
			name: "pipe delimited",
			path: func(t *testing.T) string {
				return write(t, "pipe.txt", []byte("nama|telp|kategori\nBudi|0812 3456 7890|reseller; vip\nAni|0813 1111 2222|\n"))
			},
			want: detected{Format: "csv", Encoding: "utf-8", Delimiter: "|", HeaderRow: 1, Header: []string{"nama", "telp", "kategori"}},
			records: []importer.Record{
				{Row: 2, Name: "Budi", Phones: []P{{"0812 3456 7890", ""}}, Groups: []string{"reseller", "vip"}},
				{Row: 3, Name: "Ani", Phones: []P{{"0813 1111 2222", ""}}},
			},
		},
		{
			name: "no header: mapped from the content",
			path: func(t *testing.T) string {
				return write(t, "raw.csv", []byte("1,Budi Santoso,081234567890,budi@example.com\n2,Siti,+6281311112222,\n3,Agus Salim,0813 9999 8888,agus@example.com\n"))
			},
			want: detected{Format: "csv", Encoding: "utf-8", Delimiter: ",", HeaderRow: 0,
				Header: []string{"Column 1", "Column 2", "Column 3", "Column 4"}},
			wantMap: []importer.ColumnMap{{Role: "field", Key: "Column 1"}, {Role: "name"}, {Role: "phone"}, {Role: "email"}},
		},
		{
			name: "delimiter and header row given",
			path: func(t *testing.T) string {
				return write(t, "given.csv", []byte("Laporan;x\nNama;HP\nBudi;081234567890\n"))
			},
			opts: importer.OpenOptions{Delimiter: ";", HeaderRow: 2},
			want: detected{Format: "csv", Encoding: "utf-8", Delimiter: ";", HeaderRow: 2, Header: []string{"Nama", "HP"}},
			records: []importer.Record{
				{Row: 3, Name: "Budi", Phones: []P{{"081234567890", "mobile"}}},
			},
		},
		{
			name: "no header row asked for",
			path: func(t *testing.T) string {
				return write(t, "nohead.csv", []byte("Nama,HP\nBudi,081234567890\n"))
			},
			opts: importer.OpenOptions{HeaderRow: -1},
			want: detected{Format: "csv", Encoding: "utf-8", Delimiter: ",", HeaderRow: 0, Header: []string{"Column 1", "Column 2"}},
			// Two rows are too few for "mostly phones" (one of two is), so the column
			// stays a field, and the name is the column of words.
			records: []importer.Record{
				{Row: 1, Name: "Nama", Fields: []F{{"Column 2", "HP"}}},
				{Row: 2, Name: "Budi", Fields: []F{{"Column 2", "081234567890"}}},
			},
		},
		{
			name: "title rows and blank lines above the csv header",
			path: func(t *testing.T) string {
				return write(t, "export.csv", []byte("Daftar Pelanggan;;\n;;\nNama;No WA;Email\n\nBudi;081234567890;\n"))
			},
			want: detected{Format: "csv", Encoding: "utf-8", Delimiter: ";", HeaderRow: 3, Header: []string{"Nama", "No WA", "Email"}},
			records: []importer.Record{
				{Row: 5, Name: "Budi", Phones: []P{{"081234567890", "mobile"}}},
			},
		},
		{
			name: "google contacts csv",
			path: func(t *testing.T) string {
				return write(t, "contacts.csv", []byte("First Name,Middle Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,"+
					"Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value\n"+
					"Budi,,Santoso,* myContacts ::: Keluarga ::: * starred,* Home,budi@example.com,Mobile,0812-3456-7890 ::: 0813-1111-2222,Work,021-555-1234\n"))
			},
			want: detected{Format: "csv", Profile: "google", Encoding: "utf-8", Delimiter: ",", HeaderRow: 1,
				Header: []string{"First Name", "Middle Name", "Last Name", "Labels", "E-mail 1 - Label", "E-mail 1 - Value",
					"Phone 1 - Label", "Phone 1 - Value", "Phone 2 - Label", "Phone 2 - Value"}},
			records: []importer.Record{{Row: 2, Name: "Budi Santoso",
				Phones: []P{{"0812-3456-7890", "mobile"}, {"0813-1111-2222", "mobile"}, {"021-555-1234", "work"}},
				Email:  "budi@example.com", Groups: []string{"Keluarga"}}},
		},
		{
			name: "outlook csv",
			path: func(t *testing.T) string {
				return write(t, "outlook.csv", []byte("\"Title\",\"First Name\",\"Middle Name\",\"Last Name\",\"Business Phone\",\"Home Phone\","+
					"\"Mobile Phone\",\"Business Fax\",\"E-mail Address\",\"E-mail Display Name\",\"Categories\"\r\n"+
					"\"\",\"Siti\",\"Nur\",\"Aminah\",\"(021) 555-1234\",\"\",\"0812 3456 7890\",\"(021) 555-9999\",\"siti@example.com\",\"Siti Aminah (siti@example.com)\",\"Supplier;Jakarta\"\r\n"))
			},
			want: detected{Format: "csv", Profile: "outlook", Encoding: "utf-8", Delimiter: ",", HeaderRow: 1,
				Header: []string{"Title", "First Name", "Middle Name", "Last Name", "Business Phone", "Home Phone", "Mobile Phone",
					"Business Fax", "E-mail Address", "E-mail Display Name", "Categories"}},
			records: []importer.Record{{Row: 2, Name: "Siti Nur Aminah",
				Phones: []P{{"(021) 555-1234", "work"}, {"0812 3456 7890", "mobile"}, {"(021) 555-9999", "fax"}},
				Email:  "siti@example.com", Groups: []string{"Supplier", "Jakarta"}}},
		},
		{
			name: "invalid utf-8 mid-file",
			path: func(t *testing.T) string {
				return write(t, "mixed.csv", []byte("Nama,HP\n"+rows(5000, "Orang %d,0812%d\n")+"Andr\xE9,081234567890\n"))
			},
			want: detected{Format: "csv", Encoding: "windows-1252", Delimiter: ",", HeaderRow: 1, Header: []string{"Nama", "HP"}},
		},
		{
			name: "xlsx with title rows, merged title and numeric phones",
			path: func(t *testing.T) string {
				return xlsxFile(t, "pelanggan.xlsx", func(f *excelize.File) {
					set(t, f, "Sheet1", "A1", "Daftar Pelanggan Toko Makmur")
					f.MergeCell("Sheet1", "A1", "C1")
					set(t, f, "Sheet1", "A3", "Dicetak: 1 Januari 2025")
					set(t, f, "Sheet1", "A4", "Nama")
					set(t, f, "Sheet1", "B4", "No HP")
					set(t, f, "Sheet1", "C4", "Kota")
					set(t, f, "Sheet1", "A5", "Budi")
					set(t, f, "Sheet1", "B5", int64(6281234567890))
					set(t, f, "Sheet1", "C5", "Bandung")
					set(t, f, "Sheet1", "A6", "Siti")
					set(t, f, "Sheet1", "B6", 81234567890)
					set(t, f, "Sheet1", "A8", "Agus")
					set(t, f, "Sheet1", "B8", "0813-1111-2222")
				})
			},
			want:    detected{Format: "xlsx", Sheet: "Sheet1", HeaderRow: 4, Header: []string{"Nama", "No HP", "Kota"}},
			wantMap: []importer.ColumnMap{{Role: "name"}, {Role: "phone", Key: "mobile"}, {Role: "field", Key: "Kota"}},
			records: []importer.Record{
				{Row: 5, Name: "Budi", Phones: []P{{"6281234567890", "mobile"}}, Fields: []F{{"Kota", "Bandung"}}},
				{Row: 6, Name: "Siti", Phones: []P{{"81234567890", "mobile"}}},
				{Row: 8, Name: "Agus", Phones: []P{{"0813-1111-2222", "mobile"}}},
			},
		},
		{
			name: "xlsx: first sheet empty, data on the second",
			path: func(t *testing.T) string {
				return xlsxFile(t, "two.xlsx", func(f *excelize.File) {
					f.NewSheet("Data")
					set(t, f, "Data", "A1", "Name")
					set(t, f, "Data", "B1", "Mobile")
					set(t, f, "Data", "A2", "Rina")
					set(t, f, "Data", "B2", "081234567890")
				})
			},
			want: detected{Format: "xlsx", Sheet: "Data", HeaderRow: 1, Header: []string{"Name", "Mobile"}},
		},
		{
			name: "xlsx: sheet asked for by name in other case",
			path: func(t *testing.T) string {
				return xlsxFile(t, "two.xlsx", func(f *excelize.File) {
					set(t, f, "Sheet1", "A1", "ignored")
					f.NewSheet("Data")
					set(t, f, "Data", "A1", "081234567890")
				})
			},
			opts: importer.OpenOptions{Sheet: "data"},
			want: detected{Format: "xlsx", Sheet: "Data", HeaderRow: 0, Header: []string{"Column 1"}},
		},
		{
			name: "xlsx: unknown sheet",
			path: func(t *testing.T) string {
				return xlsxFile(t, "one.xlsx", func(f *excelize.File) { set(t, f, "Sheet1", "A1", "x") })
			},
			opts:    importer.OpenOptions{Sheet: "Pelanggan"},
			wantErr: importer.CodeXLSXNoSheet,
		},
		{
			name: "xlsx renamed .csv",
			path: func(t *testing.T) string {
				p := xlsxFile(t, "real.xlsx", func(f *excelize.File) {
					set(t, f, "Sheet1", "A1", "Nama")
					set(t, f, "Sheet1", "A2", "Budi")
				})
				q := strings.TrimSuffix(p, ".xlsx") + ".csv"
				if err := os.Rename(p, q); err != nil {
					t.Fatal(err)
				}
				return q
			},
			want: detected{Format: "xlsx", Sheet: "Sheet1", HeaderRow: 1, Header: []string{"Nama"}},
		},
		{
			name: "csv renamed .xlsx",
			path: func(t *testing.T) string {
				return write(t, "fake.xlsx", []byte("Nama,HP\nBudi,081234567890\n"))
			},
			want: detected{Format: "csv", Encoding: "utf-8", Delimiter: ",", HeaderRow: 1, Header: []string{"Nama", "HP"}},
		},
		{
			name: "vcard renamed .csv",
			path: func(t *testing.T) string {
				return write(t, "contacts.csv", []byte("\r\n\r\nbegin:vcard\r\nversion:3.0\r\nfn:Budi\r\ntel:0812\r\nend:vcard\r\n"))
			},
			want:    detected{Format: "vcard", Encoding: "utf-8"},
			records: []importer.Record{{Row: 1, Name: "Budi", Phones: []P{{"0812", ""}}}},
		},
		{name: "empty file", path: func(t *testing.T) string { return write(t, "e.csv", nil) }, wantErr: importer.CodeFileEmpty},
		{
			name:    "blank lines only",
			path:    func(t *testing.T) string { return write(t, "e.csv", []byte("\xEF\xBB\xBF\r\n \r\n\t\n")) },
			wantErr: importer.CodeFileEmpty,
		},
		{
			name:    "header only",
			path:    func(t *testing.T) string { return write(t, "h.csv", []byte("Nama,No HP,Email\r\n")) },
			wantErr: importer.CodeFileNoRows,
		},
		{
			name: "binary garbage",
			path: func(t *testing.T) string {
				b := make([]byte, 4096)
				for i := range b {
					b[i] = byte(i * 7919 >> 3)
				}
				return write(t, "x.csv", b)
			},
			wantErr: importer.CodeFileBinary,
		},
		{
			name: "control characters without zero bytes",
			path: func(t *testing.T) string {
				return write(t, "x.csv", bytes.Repeat([]byte("\x01\x02\x03abc\x1b\x7f"), 500))
			},
			wantErr: importer.CodeFileBinary,
		},
		{
			name: "fake xls",
			path: func(t *testing.T) string {
				return write(t, "old.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...))
			},
			wantErr: importer.CodeFileUnsupported,
		},
		{
			name:    "pdf",
			path:    func(t *testing.T) string { return write(t, "list.pdf", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")) },
			wantErr: importer.CodeFileUnsupported,
		},
		{
			name: "zip that is not a workbook",
			path: func(t *testing.T) string {
				return zipFile(t, "photos.xlsx", map[string]string{"a.txt": "hello", "b/c.txt": "world"})
			},
			wantErr: importer.CodeFileUnsupported,
		},
		{
			name: "opendocument spreadsheet",
			path: func(t *testing.T) string {
				return zipFile(t, "sheet.ods", map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})
			},
			wantErr: importer.CodeFileUnsupported,
		},
		{
			name: "workbook whose xml is damaged",
			path: func(t *testing.T) string {
				return zipFile(t, "broken.xlsx", map[string]string{
					"[Content_Types].xml": "<Types",
					"xl/workbook.xml":     "<workbook><sheets><sheet name=",
				})
			},
			wantErr: importer.CodeXLSXCorrupt,
		},
		{
			name: "truncated zip",
			path: func(t *testing.T) string {
				p := xlsxFile(t, "whole.xlsx", func(f *excelize.File) { set(t, f, "Sheet1", "A1", "x") })
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				return write(t, "cut.xlsx", b[:len(b)/2])
			},
			wantErr: importer.CodeXLSXCorrupt,
		},
		{
			name: "a 2 MiB single line",
			path: func(t *testing.T) string {
				return write(t, "long.csv", []byte("Nama,HP\n"+strings.Repeat("x", 2<<20)+"\nBudi,0812\n"))
			},
			wantErr: importer.CodeLineTooLong,
		},
		{
			name: "a quote that never closes",
			path: func(t *testing.T) string {
				return write(t, "quote.csv", []byte("Nama,HP\n\"Budi,081234567890\n"+rows(60000, "Orang %d,0812%d\n")))
			},
			wantErr: importer.CodeLineTooLong,
		},
		{
			name:    "a folder",
			path:    func(t *testing.T) string { return t.TempDir() },
			wantErr: importer.CodeFileUnreadable,
		},
		{
			name:    "a missing file",
			path:    func(t *testing.T) string { return filepath.Join(t.TempDir(), "gone.csv") },
			wantErr: importer.CodeFileUnreadable,
		},
		{
			name:    "an unknown delimiter",
			path:    func(t *testing.T) string { return write(t, "a.csv", []byte("a,b\n1,2\n")) },
			opts:    importer.OpenOptions{Delimiter: "#"},
			wantErr: importer.CodeInvalidOption,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := importer.Open(tt.path(t), tt.opts)
			if got := codeOf(err); got != tt.wantErr {
				t.Fatalf("Open error = %q (%v), want %q", got, err, tt.wantErr)
			}
			if err != nil {
				if k := apperr.KindOf(err); k != apperr.Invalid {
					t.Errorf("error kind = %s, want invalid", k)
				}
				return
			}
			defer src.Close()
			if got := detect(src); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("detected\n got %+v\nwant %+v", got, tt.want)
			}
			if tt.wantMap != nil && !reflect.DeepEqual(src.Suggested.Columns, tt.wantMap) {
				t.Errorf("mapping\n got %+v\nwant %+v", src.Suggested.Columns, tt.wantMap)
			}
			got := readAll(t, src)
			if tt.records != nil && !reflect.DeepEqual(got, tt.records) {
				t.Errorf("records\n got %+v\nwant %+v", got, tt.records)
			}
		})
	}
}

// TestRecordsErrors covers what goes wrong after Open succeeded: a bad line far into the
// file, and a file that disappears.
func TestRecordsErrors(t *testing.T) {
	t.Run("long line after the rows Open reads", func(t *testing.T) {
		p := write(t, "late.csv", []byte("Nama,HP\n"+rows(500, "Orang %d,0812%d\n")+strings.Repeat("y", 3<<20)+"\n"))
		src, err := importer.Open(p, importer.OpenOptions{})
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		recs, err := src.Records(src.Suggested)
		if err != nil {
			t.Fatalf("Records: %v", err)
		}
		defer recs.Close()
		n := 0
		for {
			_, err = recs.Next()
			if err != nil {
				break
			}
			n++
		}
		if got := codeOf(err); got != importer.CodeLineTooLong {
			t.Fatalf("after %d records: error %q (%v), want %q", n, got, err, importer.CodeLineTooLong)
		}
		var e *apperr.Error
		errors.As(err, &e)
		if n != 500 || e.Params["row"] != "502" || e.Params["max"] != "1048576" {
			t.Errorf("got %d records and params %v, want 500 records, row 502, max 1048576", n, e.Params)
		}
		if _, again := recs.Next(); codeOf(again) != importer.CodeLineTooLong {
			t.Errorf("Next after the error = %v, want the same error", again)
		}
	})
	t.Run("file deleted between Open and Records", func(t *testing.T) {
		p := write(t, "gone.csv", []byte("Nama,HP\nBudi,081234567890\n"))
		src, err := importer.Open(p, importer.OpenOptions{})
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		if _, err := src.Records(src.Suggested); codeOf(err) != importer.CodeFileUnreadable {
			t.Fatalf("Records error = %v, want %s", err, importer.CodeFileUnreadable)
		}
	})
}

// TestRecordsRestart checks that every call of Records reads the same records from the
// start, and that Sample gives the raw cells after the header.
func TestRecordsRestart(t *testing.T) {
	p := write(t, "again.csv", []byte("Nama,HP,Catatan\nBudi,081234567890,\"baris\nkedua\"\n\n  ,  ,  \nSiti,081311112222,x\n"))
	src, err := importer.Open(p, importer.OpenOptions{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	first, second := readAll(t, src), readAll(t, src)
	if !reflect.DeepEqual(first, second) {
		t.Errorf("second pass differs:\n got %+v\nwant %+v", second, first)
	}
	// Spreadsheet rows: 1 header, 2 Budi (one row despite the line break in the
	// quoted cell), 3 blank, 4 blank cells, 5 Siti.
	if len(first) != 2 || first[0].Row != 2 || first[1].Row != 5 {
		t.Errorf("rows = %+v, want rows 2 and 5", first)
	}
	sample, err := src.Sample(10)
	if err != nil {
		t.Fatalf("Sample: %v", err)
	}
	want := [][]string{{"Budi", "081234567890", "baris\nkedua"}, {"Siti", "081311112222", "x"}}
	if !reflect.DeepEqual(sample, want) {
		t.Errorf("Sample(10) = %q, want %q", sample, want)
	}
	if one, _ := src.Sample(1); len(one) != 1 {
		t.Errorf("Sample(1) returned %d rows, want 1", len(one))
	}
}

// TestSampleBeyondHead asks for more sample rows than Open keeps.
func TestSampleBeyondHead(t *testing.T) {
	p := write(t, "many.csv", []byte("Nama,HP\n"+rows(300, "Orang %d,0812%d\n")))
	src, err := importer.Open(p, importer.OpenOptions{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	sample, err := src.Sample(200)
	if err != nil {
		t.Fatalf("Sample: %v", err)
	}
	if len(sample) != 200 || sample[199][0] != "Orang 199" {
		t.Errorf("Sample(200) gave %d rows ending %q, want 200 ending with Orang 199", len(sample), sample[len(sample)-1])
	}
}
