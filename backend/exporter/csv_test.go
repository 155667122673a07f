package exporter_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"

	"kontak/backend/exporter"
)

// readCSV writes contacts as CSV and parses the result with encoding/csv,
// as a spreadsheet or the importer reads it.
func readCSV(t *testing.T, keys []string, contacts ...exporter.Contact) [][]string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := exporter.Write(context.Background(), &buf, exporter.CSV, seq(contacts...),
		exporter.Options{FieldKeys: keys}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	data, ok := bytes.CutPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF"))
	if !ok {
		t.Fatalf("the CSV does not start with a UTF-8 byte order mark: %q", buf.Bytes()[:min(8, buf.Len())])
	}
	r := csv.NewReader(bytes.NewReader(data))
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parse the CSV: %v", err)
	}
	return records
}

func TestCSVPhone(t *testing.T) {
	tests := []struct {
		name, phone, want string
	}{
		{"Mobile11", "6281234567890", "0812-3456-7890"},
		{"Mobile9", "62812345678", "0812-345-678"},
		{"Mobile12", "62812345678901", "0812-3456-78901"},
		{"Jakarta", "62218350123", "021-8350123"},
		{"Yogyakarta", "62274512345", "0274-512345"},
		{"TollFree", "628001234567", "0800-1234567"},
		{"Premium", "628091234567", "0809-1-234-567"},
		{"UAN", "621500123", "01-500-123"},
		{"ITFSHasNoNationalLayout", "62001803123456", "'+62 001803123456"},
		{"US", "14155552671", "'+1 415-555-2671"},
		{"Malaysia", "60123456789", "'+60 12-345 6789"},
		{"Singapore", "6591234567", "'+65 9123 4567"},
		{"Empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readCSV(t, nil, exporter.Contact{Name: "X", Phone: tt.phone})[1][1]
			if got != tt.want {
				t.Errorf("phone cell for %q = %q, want %q", tt.phone, got, tt.want)
			}
			// Excel turns a cell of nothing but digits into a number.
			if got != "" && strings.Trim(got, "0123456789") == "" {
				t.Errorf("phone cell %q is plain digits", got)
			}
		})
	}
}

func TestCSVFormulaGuard(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Equals", "=SUM(A1)", "'=SUM(A1)"},
		{"Plus", "+62 pelanggan", "'+62 pelanggan"},
		{"Minus", "-", "'-"},
		{"At", "@home", "'@home"},
		{"Tab", "\tx", "'\tx"},
		{"CR", "\rx", "'\rx"},
		{"EqualsInside", "a=b", "a=b"},
		{"Apostrophe", "'quoted", "'quoted"},
		{"ApostropheFormula", "'=x", "''=x"},
		{"ApostropheOnly", "'", "'"},
		{"TwoApostrophes", "''a", "'''a"},
		{"Plain", "Budi", "Budi"},
		{"Empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := exporter.Contact{Name: tt.in, Email: tt.in, Groups: []string{tt.in},
				Fields: []exporter.Field{{"Catatan", tt.in}}}
			if tt.in == "" {
				c.Groups = nil
			}
			row := readCSV(t, []string{"Catatan"}, c)[1]
			for i, col := range []int{0, 2, 3, 4} {
				if row[col] != tt.want {
					t.Errorf("cell %d for %q = %q, want %q", i, tt.in, row[col], tt.want)
				}
				if got := unguard(row[col]); got != tt.in {
					t.Errorf("cell %d for %q reads back as %q", i, tt.in, got)
				}
			}
		})
	}
}

func TestCSVHeaderOnly(t *testing.T) {
	got := readCSV(t, []string{"Kota", "@x"})
	want := [][]string{{"Name", "Phone", "Email", "Groups", "Kota", "'@x"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("export of no contacts = %q, want %q", got, want)
	}
}

// unguard is what Kontak's importer does to a cell: a leading quote in front
// of a formula character or of another quote is removed.
func unguard(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.IndexByte("=+-@\t\r'", s[1]) >= 0 {
		return s[1:]
	}
	return s
}

// An exported CSV read back the importer's way gives the same names, emails,
// groups and fields. (Phones go through the phone normaliser, which has its
// own tests.)
func TestCSVRoundTrip(t *testing.T) {
	records := readCSV(t, fieldKeys, tricky...)
	for i, c := range tricky {
		row := records[i+1]
		got := exporter.Contact{Name: unguard(row[0]), Email: unguard(row[2])}
		if g := unguard(row[3]); g != "" {
			got.Groups = strings.Split(g, ", ")
		}
		for j, k := range fieldKeys {
			if v := unguard(row[4+j]); v != "" {
				got.Fields = append(got.Fields, exporter.Field{Key: k, Value: v})
			}
		}
		want := exporter.Contact{Name: c.Name, Email: c.Email, Groups: c.Groups, Fields: keptFields(c.Fields)}
		for j, f := range want.Fields {
			// A CSV reader reads a CRLF inside a cell as LF, as it reads
			// the end of a line.
			want.Fields[j].Value = strings.ReplaceAll(f.Value, "\r\n", "\n")
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("row %d read back as %+v, want %+v", i+1, got, want)
		}
	}
}

// keptFields is fields without the keys the export drops, in the order of
// fieldKeys.
func keptFields(fields []exporter.Field) []exporter.Field {
	var out []exporter.Field
	for _, k := range fieldKeys {
		for _, f := range fields {
			if f.Key == k {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// A contact with a field key twice gets the first value, and a key given
// twice in FieldKeys makes one column.
func TestCSVDuplicateKeys(t *testing.T) {
	got := readCSV(t, []string{"Kota", "Kota"}, exporter.Contact{Name: "A",
		Fields: []exporter.Field{{"Kota", "Bandung"}, {"Kota", "Bogor"}}})
	want := [][]string{{"Name", "Phone", "Email", "Groups", "Kota"}, {"A", "", "", "", "Bandung"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
