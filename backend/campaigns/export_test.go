package campaigns_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kontak/backend/campaigns"
	"kontak/backend/contacts"
	"kontak/backend/fixtures"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestPreview(t *testing.T) {
	f := newFixture(t)
	a := campaigns.Audience{Include: []uint64{f.pel, f.vip}}
	p, err := f.b.Preview("Halo {name|Kak}, dari {KOTA}? {panggilan} {phone}", a)
	if err != nil {
		t.Fatal(err)
	}
	var samples []string
	for _, s := range p.Samples {
		samples = append(samples, s.Name+": "+s.Message)
	}
	want := []string{
		"Ani: Halo Ani, dari ?  +62 812-1000-0001",
		"Budi: Halo Budi, dari Bandung?  +62 812-1000-0002",
		"Citra: Halo Citra, dari ?  +62 812-1000-0003",
	}
	if !reflect.DeepEqual(samples, want) {
		t.Errorf("samples\n%q\nwant\n%q", samples, want)
	}
	// Over the whole audience (Ani, Budi, Citra, Dedi, Fajar): KOTA is empty for three,
	// panggilan for all five and is no field anyone has.
	wantEmpty := []campaigns.EmptyVariable{{Variable: "KOTA", Count: 3}, {Variable: "panggilan", Count: 5}}
	if !reflect.DeepEqual(p.Empty, wantEmpty) || !reflect.DeepEqual(p.Unknown, []string{"panggilan"}) {
		t.Errorf("empty %+v unknown %v", p.Empty, p.Unknown)
	}
	p, err = f.b.Preview("Halo {name}", campaigns.Audience{Include: []uint64{f.empty}})
	if err != nil || len(p.Samples) != 0 || len(p.Empty) != 0 || len(p.Unknown) != 0 {
		t.Errorf("empty audience: %+v %v", p, err)
	}
	_, err = f.b.Preview(strings.Repeat("x", campaigns.MaxMessageLength+1), a)
	wantCode(t, err, "campaign.message.too_long")
}

// TestExportGolden writes every format for the fixture's audience and compares it with
// testdata/<format>.golden (go test -update rewrites them).
func TestExportGolden(t *testing.T) {
	f := newFixture(t)
	// A name a spreadsheet would run as a formula, and a message with commas, quotes
	// and a line break.
	f.add(person{name: "=Rina", phone: "+1 415 555 2671", groups: []uint64{f.pel},
		fields: []contacts.Field{{Key: "Catatan", Value: "suka \"kopi\", teh"}}})
	it, err := f.b.Save(0, campaigns.ItemInput{Name: "Promo", Kind: campaigns.KindBroadcast,
		Message:  "Halo {name|Kak}, promo untuk {Kota|kamu}: diskon 10%, \"gratis\" ongkir!\nBalas STOP untuk berhenti.",
		Audience: campaigns.Audience{Include: []uint64{f.pel, f.vip}, Exclude: []uint64{f.stop}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, format := range []string{"csv", "xlsx", "numbers", "wame"} {
		t.Run(format, func(t *testing.T) {
			path := filepath.Join(dir, "promo."+format)
			out, err := f.b.Export(campaigns.ExportRequest{ItemID: it.ID, Format: strings.ToUpper(format), Path: path})
			if err != nil {
				t.Fatal(err)
			}
			if out.Recipients != 5 || out.Format != format || out.Path != path {
				t.Errorf("output %+v", out)
			}
			var got string
			if format == "xlsx" {
				got = dumpXLSX(t, path)
			} else {
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				got = string(b)
			}
			golden := filepath.Join("testdata", format+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n%s", path, golden, fixtures.Diff(string(want), got))
			}
			if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
				t.Errorf("mode %v %v", fi.Mode(), err)
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 4 {
		t.Errorf("files in the folder: %d, want 4 (no temp files)", len(entries))
	}
	if n := f.ev.count("campaigns:changed"); n != 5 {
		t.Errorf("%d campaigns:changed events, want 5 (a save and four exports)", n)
	}
}

// dumpXLSX lists a workbook's cells as text, with each cell's type, so the golden file
// shows that phones are text.
func dumpXLSX(t *testing.T, path string) string {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var b strings.Builder
	fmt.Fprintf(&b, "sheets: %v\n", x.GetSheetList())
	rows, err := x.GetRows("Recipients")
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			typ, _ := x.GetCellType("Recipients", cell)
			fmt.Fprintf(&b, "%s [%v] %q\n", cell, typ, v)
		}
	}
	return b.String()
}
