package exporter_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kontak/backend/apperr"
	"kontak/backend/exporter"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// seq yields contacts, as the contact service's iterators do.
func seq(contacts ...exporter.Contact) iter.Seq2[exporter.Contact, error] {
	return func(yield func(exporter.Contact, error) bool) {
		for _, c := range contacts {
			if !yield(c, nil) {
				return
			}
		}
	}
}

// failAfter yields contacts and then err, as an iterator over a store that
// fails midway does.
func failAfter(err error, contacts ...exporter.Contact) iter.Seq2[exporter.Contact, error] {
	return func(yield func(exporter.Contact, error) bool) {
		for _, c := range contacts {
			if !yield(c, nil) {
				return
			}
		}
		yield(exporter.Contact{}, err)
	}
}

// fieldKeys are the custom-field columns of the tricky export: one key no
// contact has, and one that looks like a formula.
var fieldKeys = []string{"Kota", "Catatan", "=key", "Kosong"}

// tricky holds every shape of contact that has broken an export somewhere:
// quotes, delimiters, line breaks, emoji, formula look-alikes, foreign and
// landline phones, missing values.
var tricky = []exporter.Contact{
	{Name: `Budi "Bos" Santoso`, Phone: "6281234567890", Email: "budi@example.com", Groups: []string{"Pelanggan"},
		Fields: []exporter.Field{{"Kota", "Bandung"}, {"Catatan", "suka kopi, tanpa gula"}}},
	{Name: "Santoso, Budi", Phone: "628123456789", Groups: []string{"Arisan", "Keluarga", "Kantor"}},
	{Name: "Ibu Ratna; Toko Kue", Phone: "62218350123", Email: "ratna@tokokue.co.id",
		Fields: []exporter.Field{{"Kota", "Jakarta"}}},
	{Name: "Dua\nBaris", Phone: "62274512345", Fields: []exporter.Field{{"Catatan", "baris satu\r\nbaris dua"}}},
	{Name: "Siti 🌸 Rahmawati", Phone: "6281122334455", Groups: []string{"VIP 🌟"}},
	{Name: "=SUM(A1)", Phone: "6285712345678", Groups: []string{"=HYPERLINK(\"http://x\")"},
		Fields: []exporter.Field{{"Catatan", "=1+1"}, {"=key", "-5"}}},
	{Name: "+62 pelanggan baru", Phone: "6289612345678"},
	{Name: "-", Phone: "6281398765432"},
	{Name: "@home", Phone: "6287812345678", Email: "@example.com"},
	{Name: "John Smith", Phone: "14155552671", Email: "john@example.com", Groups: []string{"Supplier"}},
	{Name: "Ahmad bin Abdullah", Phone: "60123456789", Fields: []exporter.Field{{"Kota", "Kuala Lumpur"}}},
	{Name: "Sukarno", Phone: "62812345678"},
	{Name: "Layanan Bebas Pulsa", Phone: "62001803123456"},
	{Name: "\tTab di depan", Phone: "6281234500001"},
	{Name: "C:\\Users\\budi", Phone: "6281234500002", Groups: []string{"a;b", "c\\d"}},
	{Name: " Agus ", Phone: "6281234500003", Fields: []exporter.Field{{"Tidak dipakai", "dibuang"}, {"Kota", "Solo"}}},
	{Name: "", Phone: "6281234500004", Email: "tanpa.nama@example.com"},
	{Name: "Wayan Sudarsana Putra Wibawa Mahendra Kusuma Negara Adiputra Pratama 🌺🌺🌺 Yoga",
		Phone: "6281234500005", Groups: []string{"Pelanggan Setia Bali Utara", "Pelanggan Setia Bali Selatan", "Reseller"},
		Fields: []exporter.Field{{"Catatan", strings.Repeat("pesan kue lapis legit 🎂 ", 6)}}},
}

// goldenCases are written in CSV and vCard and compared with the files in
// testdata; go test -run Golden -update rewrites them.
var goldenCases = []struct {
	name     string
	contacts []exporter.Contact
	keys     []string
}{
	{"tricky", tricky, fieldKeys},
	{"no-fields", tricky[:3], nil},
	{"empty", nil, []string{"Kota"}},
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		for _, f := range []exporter.Format{exporter.CSV, exporter.VCard} {
			t.Run(tc.name+"/"+string(f), func(t *testing.T) {
				var buf bytes.Buffer
				n, err := exporter.Write(context.Background(), &buf, f, seq(tc.contacts...),
					exporter.Options{FieldKeys: tc.keys, Total: -1})
				if err != nil {
					t.Fatalf("Write: %v", err)
				}
				if n != len(tc.contacts) {
					t.Errorf("Write returned %d, want %d", n, len(tc.contacts))
				}
				golden(t, filepath.Join("testdata", tc.name+f.Extension()+".golden"), buf.Bytes())
			})
		}
	}
}

// golden compares got with the file at path, or rewrites the file with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("update golden file: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; got:\n%s", path, got)
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		name, in string
		want     exporter.Format
		wantErr  bool
	}{
		{"CSV", "csv", exporter.CSV, false},
		{"XLSX", "xlsx", exporter.XLSX, false},
		{"VCF", "vcf", exporter.VCard, false},
		{"VCardWord", "vcard", exporter.VCard, false},
		{"UpperCase", "XLSX", exporter.XLSX, false},
		{"Spaces", " csv ", exporter.CSV, false},
		{"Legacy", "xls", "", true},
		{"Empty", "", "", true},
		{"Dotted", ".csv", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := exporter.ParseFormat(tt.in)
			if tt.wantErr {
				if !apperr.Is(err, "export.format.invalid") || apperr.KindOf(err) != apperr.Invalid {
					t.Errorf("ParseFormat(%q) error = %v, want invalid export.format.invalid", tt.in, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseFormat(%q) = %q, %v, want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	_, err := exporter.Write(context.Background(), &buf, "vcard", seq(tricky[0]), exporter.Options{})
	if !apperr.Is(err, "export.format.invalid") {
		t.Errorf("Write with format %q: error = %v, want export.format.invalid", "vcard", err)
	}
	if buf.Len() != 0 {
		t.Errorf("Write with an unknown format wrote %d bytes, want 0", buf.Len())
	}
}

func TestWriteIteratorError(t *testing.T) {
	boom := errors.New("store closed")
	for _, f := range []exporter.Format{exporter.CSV, exporter.XLSX, exporter.VCard} {
		t.Run(string(f), func(t *testing.T) {
			n, err := exporter.Write(context.Background(), &bytes.Buffer{}, f, failAfter(boom, tricky[:2]...), exporter.Options{})
			if !errors.Is(err, boom) {
				t.Fatalf("error = %v, want it to wrap %v", err, boom)
			}
			if want := "read contacts: store closed"; err.Error() != want {
				t.Errorf("error = %q, want %q", err, want)
			}
			if n != 2 {
				t.Errorf("written = %d, want 2", n)
			}
		})
	}
}

func TestWriteCancelled(t *testing.T) {
	for _, f := range []exporter.Format{exporter.CSV, exporter.XLSX, exporter.VCard} {
		t.Run(string(f), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			contacts := func(yield func(exporter.Contact, error) bool) {
				for i, c := range tricky {
					if i == 3 {
						cancel()
					}
					if !yield(c, nil) {
						return
					}
				}
			}
			n, err := exporter.Write(ctx, &bytes.Buffer{}, f, contacts, exporter.Options{})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("error = %v, want context.Canceled", err)
			}
			if n != 3 {
				t.Errorf("written = %d, want 3 (the contacts before the cancel)", n)
			}
		})
	}
}

// progressLog records the calls of Progress.
type progressLog struct{ calls [][2]int64 }

func (p *progressLog) Report(done, total int64) { p.calls = append(p.calls, [2]int64{done, total}) }

func TestProgress(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		total int64
	}{
		{"Empty", 0, 0},
		{"Few", 3, 3},
		{"UnknownTotal", 2500, -1},
		{"Many", 5000, 5000},
	}
	for _, tt := range tests {
		for _, f := range []exporter.Format{exporter.CSV, exporter.XLSX, exporter.VCard} {
			t.Run(tt.name+"/"+string(f), func(t *testing.T) {
				contacts := func(yield func(exporter.Contact, error) bool) {
					for i := range tt.n {
						if !yield(exporter.Contact{Name: "Budi", Phone: fmt.Sprintf("6281234%06d", i)}, nil) {
							return
						}
					}
				}
				p := &progressLog{}
				n, err := exporter.Write(context.Background(), &bytes.Buffer{}, f, contacts,
					exporter.Options{Total: tt.total, Progress: p})
				if err != nil || n != tt.n {
					t.Fatalf("Write = %d, %v, want %d, nil", n, err, tt.n)
				}
				if len(p.calls) == 0 {
					t.Fatal("Progress was never called")
				}
				if last := p.calls[len(p.calls)-1]; last != [2]int64{int64(tt.n), tt.total} {
					t.Errorf("last progress = %v, want [%d %d]", last, tt.n, tt.total)
				}
				// Between the final report and the ones every 1000 rows,
				// there are at most n/1000+1 calls, each at a multiple of
				// 1000 but the last, all for the same total.
				if max := tt.n/1000 + 1; len(p.calls) > max {
					t.Errorf("Progress called %d times, want at most %d", len(p.calls), max)
				}
				for i, c := range p.calls[:len(p.calls)-1] {
					if c[0]%1000 != 0 || c[1] != tt.total || (i > 0 && c[0] <= p.calls[i-1][0]) {
						t.Errorf("progress call %d = %v, want a growing multiple of 1000 with total %d", i, c, tt.total)
					}
				}
			})
		}
	}
}
