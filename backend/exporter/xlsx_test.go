package exporter_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kontak/backend/exporter"
)

// openXLSX writes contacts as XLSX and opens the result with excelize.
func openXLSX(t *testing.T, keys []string, contacts ...exporter.Contact) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	n, err := exporter.Write(context.Background(), &buf, exporter.XLSX, seq(contacts...),
		exporter.Options{FieldKeys: keys})
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	if n != len(contacts) {
		t.Errorf("Write returned %d, want %d", n, len(contacts))
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("open the XLSX: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

func TestXLSXValues(t *testing.T) {
	f, _ := openXLSX(t, fieldKeys, tricky...)
	if got, want := f.GetSheetList(), []string{"Contacts"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	rows, err := f.GetRows("Contacts")
	if err != nil {
		t.Fatalf("GetRows: %v", err)
	}
	if want := []string{"Name", "Phone", "Email", "Groups", "Kota", "Catatan", "=key", "Kosong"}; !reflect.DeepEqual(rows[0], want) {
		t.Errorf("header = %q, want %q", rows[0], want)
	}
	if len(rows) != len(tricky)+1 {
		t.Fatalf("got %d rows, want %d", len(rows), len(tricky)+1)
	}
	for i, c := range tricky {
		// Cells are written as they are: no formula guard, since an
		// inline string is never evaluated.
		want := []string{c.Name, c.Phone, c.Email, strings.Join(c.Groups, ", ")}
		for _, k := range fieldKeys {
			v := ""
			for _, f := range c.Fields {
				if f.Key == k {
					v = f.Value
					break
				}
			}
			want = append(want, v)
		}
		got := rows[i+1]
		got = append(got, make([]string, len(want)-len(got))...) // GetRows drops trailing empty cells
		if !reflect.DeepEqual(got, want) {
			t.Errorf("row %d = %q, want %q", i+2, got, want)
		}
	}
}

// Phones are text cells holding the canonical digits, so Excel never shows
// 6.28E+12; the cell type is checked as excelize reads it back.
func TestXLSXPhoneIsText(t *testing.T) {
	f, _ := openXLSX(t, nil, tricky...)
	for i, c := range tricky {
		cell := fmt.Sprintf("B%d", i+2)
		typ, err := f.GetCellType("Contacts", cell)
		if err != nil {
			t.Fatalf("GetCellType(%s): %v", cell, err)
		}
		if typ != excelize.CellTypeInlineString {
			t.Errorf("%s has type %v, want an inline string (%v)", cell, typ, excelize.CellTypeInlineString)
		}
		if got, _ := f.GetCellValue("Contacts", cell); got != c.Phone {
			t.Errorf("%s = %q, want %q", cell, got, c.Phone)
		}
		if got := numFmt(t, f, cell); got != 49 {
			t.Errorf("%s has number format %d, want 49 (text)", cell, got)
		}
	}
	if got, _ := f.GetCellType("Contacts", "A2"); got != excelize.CellTypeInlineString {
		t.Errorf("A2 has type %v, want an inline string", got)
	}
}

func numFmt(t *testing.T, f *excelize.File, cell string) int {
	t.Helper()
	id, err := f.GetCellStyle("Contacts", cell)
	if err != nil {
		t.Fatalf("GetCellStyle(%s): %v", cell, err)
	}
	style, err := f.GetStyle(id)
	if err != nil {
		t.Fatalf("GetStyle(%d): %v", id, err)
	}
	return style.NumFmt
}

func TestXLSXLayout(t *testing.T) {
	tests := []struct {
		name       string
		contacts   []exporter.Contact
		keys       []string
		wantFilter string
	}{
		{"Contacts", tricky, fieldKeys, "A1:H19"},
		{"NoFields", tricky[:2], nil, "A1:D3"},
		{"HeaderOnly", nil, []string{"Kota"}, "A1:E1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, data := openXLSX(t, tt.keys, tt.contacts...)
			wantWidths := map[string]float64{"A": 28, "B": 18, "C": 30, "D": 24}
			for i := range tt.keys {
				col, _ := excelize.ColumnNumberToName(5 + i)
				wantWidths[col] = 18
			}
			for col := 1; col <= len(wantWidths); col++ {
				cell, _ := excelize.CoordinatesToCellName(col, 1)
				id, _ := f.GetCellStyle("Contacts", cell)
				style, err := f.GetStyle(id)
				if err != nil || style.Font == nil || !style.Font.Bold {
					t.Errorf("header cell %s is not bold (style %d: %+v, %v)", cell, id, style, err)
				}
			}
			// excelize writes the range with "$", as Excel writes the
			// filter's defined name; Excel reads either.
			sheet := strings.ReplaceAll(sheetXML(t, data), "$", "")
			if !strings.Contains(sheet, `<autoFilter ref="`+tt.wantFilter+`"`) {
				t.Errorf("no autofilter over %s in the sheet: %.600s", tt.wantFilter, sheet[strings.Index(sheet, "</sheetData>"):])
			}
			if !hasFilterName(f, tt.wantFilter) {
				t.Errorf("no _xlnm._FilterDatabase name for %s in %+v", tt.wantFilter, f.GetDefinedName())
			}
			// Excel wants the column definitions in ascending order.
			cols := regexp.MustCompile(`<col min="(\d+)"`).FindAllStringSubmatch(sheet, -1)
			if len(cols) != len(wantWidths) {
				t.Errorf("%d column definitions, want %d", len(cols), len(wantWidths))
			}
			for i, m := range cols {
				if m[1] != strconv.Itoa(i+1) {
					t.Errorf("column definition %d is for column %s, want %d", i+1, m[1], i+1)
				}
			}
			panes, err := f.GetPanes("Contacts")
			if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
				t.Errorf("panes = %+v, %v; want the header row frozen", panes, err)
			}
			for col, want := range wantWidths {
				if got, _ := f.GetColWidth("Contacts", col); got != want {
					t.Errorf("column %s is %v wide, want %v", col, got, want)
				}
			}
			props, err := f.GetDocProps()
			if err != nil || props.Title != "Kontak export" || props.Creator != "Kontak" {
				t.Errorf("document properties = %+v, %v; want title %q", props, err, "Kontak export")
			}
		})
	}
}

func hasFilterName(f *excelize.File, ref string) bool {
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" && strings.ReplaceAll(d.RefersTo, "$", "") == "'Contacts'!"+ref {
			return true
		}
	}
	return false
}

// sheetXML returns the worksheet part of an XLSX file.
func sheetXML(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("open zip: %v", err)
	}
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatalf("open the sheet: %v", err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("read the sheet: %v", err)
	}
	return string(b)
}
