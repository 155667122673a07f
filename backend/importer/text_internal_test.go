package importer

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/transform"
)

func TestLineBreaks(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"lf stays", "a\nb\n", "a\nb\n"},
		{"crlf", "a\r\nb\r\n", "a\nb\n"},
		{"cr only", "a\rb\rc", "a\nb\nc"},
		{"cr cr lf is one break", "a\r\r\nb\r\r\n", "a\nb\n"},
		{"blank cr-only lines stay", "a\r\rb\r", "a\n\nb\n"},
		{"cr at the very end", "a\r", "a\n"},
		{"a long run of crs", "a" + strings.Repeat("\r", 5000) + "b", "a" + strings.Repeat("\n", 5000) + "b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// One byte at a time puts every break across a buffer boundary.
			for _, r := range []io.Reader{strings.NewReader(tt.in), iotest.OneByteReader(strings.NewReader(tt.in))} {
				got, err := io.ReadAll(transform.NewReader(r, lineBreaks{}))
				if err != nil {
					t.Fatalf("read: %v", err)
				}
				if string(got) != tt.want {
					t.Errorf("lineBreaks(%q) = %q, want %q", tt.in, got, tt.want)
				}
			}
		})
	}
}

func TestDetectDelimiter(t *testing.T) {
	tests := []struct {
		name, text string
		want       rune
	}{
		{"comma", "a,b,c\n1,2,3\n", ','},
		{"semicolon with a quoted semicolon", "Nama;HP\n\"Santoso; Budi\";0812\n\"A; B; C\";0813\n", ';'},
		{"comma with quoted semicolons", "Nama,HP\n\"Santoso; Budi\",0812\n\"A; B; C\",0813\n", ','},
		{"semicolon with decimal commas", "Nama;Saldo;HP\nBudi;1,5;0812\nSiti;2;0813\nAgus;3,25;0814\n", ';'},
		{"tab", "a\tb\n1\t2\n", '\t'},
		{"pipe", "a|b|c\n1|2|3\n", '|'},
		{"one column", "email\na@x.id\nb@x.id\n", ','},
		{"header in commas, rows in tabs", "1,1,1,1,1@x.id,,\n2\t2\t2\t2\t2@x.id\n3\t3\t3\t3\t3@x.id\n", '\t'},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectDelimiter([]byte(tt.text), false); got != tt.want {
				t.Errorf("detectDelimiter(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestBomlessUTF16(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		ok   bool
	}{
		{"little endian", []byte("N\x00a\x00m\x00a\x00,\x00H\x00P\x00\n\x00B\x00u\x00d\x00i\x00"), EncUTF16LE, true},
		{"big endian", []byte("\x00N\x00a\x00m\x00a\x00,\x00H\x00P\x00\n\x00B\x00u\x00d\x00i"), EncUTF16BE, true},
		{"utf-8", []byte("Nama,HP\nBudi,0812\n"), "", false},
		{"too short", []byte("N\x00a\x00"), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := bomlessUTF16(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("bomlessUTF16 = %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestFindHeader(t *testing.T) {
	rows := func(cells ...[]string) []rawRow {
		out := make([]rawRow, len(cells))
		for i, c := range cells {
			out[i] = rawRow{row: i + 1, cells: c}
		}
		return out
	}
	tests := []struct {
		name string
		rows []rawRow
		want int
	}{
		{"plain header", rows([]string{"Nama", "HP"}, []string{"Budi", "0812"}), 1},
		{"title above", rows([]string{"Daftar Pelanggan"}, []string{"Nama", "HP", "Kota"}, []string{"Budi", "081234567890", "Bogor"}), 2},
		{"merged title and date", rows([]string{"Laporan", "", ""}, []string{"Dicetak 1 Januari"}, []string{"Nama", "HP", "Kota"},
			[]string{"Budi", "081234567890"}), 3},
		{"data at once", rows([]string{"Budi", "081234567890"}, []string{"Siti", "081311112222"}), 0},
		{"numbers at once", rows([]string{"1", "2"}, []string{"3", "4"}, []string{"Catatan"}), 0},
		{"header over sparse rows", rows([]string{"A", "B", "C", "D", "E"}, []string{"x", "", "", "", ""}), 1},
		{"header over one more unnamed column", rows([]string{"Nama", "HP"}, []string{"Budi", "0812", "catatan"}), 1},
		{"header only", rows([]string{"Nama", "HP"}), 1},
		{"duplicated cells are no header", rows([]string{"x", "x", "x"}, []string{"1", "2", "3"}), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := findHeader(tt.rows); got != tt.want {
				t.Errorf("findHeader = %d, want %d", got, tt.want)
			}
		})
	}
}
