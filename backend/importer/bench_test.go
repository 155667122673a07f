package importer_test

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/xuri/excelize/v2"

	"kontak/backend/importer"
)

// benchRows is the size of the generated benchmark files.
const benchRows = 100_000

var (
	benchFirst = []string{"Budi", "Siti", "Agus", "Dewi", "Rina", "Andi", "Putu", "Made", "Hendra", "Yohanes", "Nur", "Wayan", "Lestari", "Ahmad"}
	benchLast  = []string{"Santoso", "Wijaya", "Siregar", "Nasution", "Hidayat", "Saputra", "Lubis", "Gunawan", "", ""}
	benchGroup = []string{"keluarga", "kantor", "arisan", "reseller", "pelanggan", "vip"}
)

// benchRow returns one row of the realistic Indonesian mix of the performance notes:
// mixed phone formats, a little junk, 30% with e-mail, one to two groups.
func benchRow(rng *rand.Rand, i int) []string {
	name := benchFirst[rng.IntN(len(benchFirst))]
	if last := benchLast[rng.IntN(len(benchLast))]; last != "" {
		name += " " + last
	}
	p := 811 + rng.IntN(89)
	rest := fmt.Sprintf("%08d", rng.IntN(1e8))
	var ph string
	switch n := rng.IntN(1000); {
	case n < 3:
		ph = "-"
	case n < 250:
		ph = fmt.Sprintf("0%d-%s-%s", p, rest[:4], rest[4:])
	case n < 450:
		ph = fmt.Sprintf("+62 %d %s %s", p, rest[:4], rest[4:])
	case n < 650:
		ph = fmt.Sprintf("62%d%s", p, rest)
	case n < 850:
		ph = fmt.Sprintf("0%d%s", p, rest)
	case n < 900:
		ph = fmt.Sprintf("%d%s", p, rest)
	default:
		ph = fmt.Sprintf("(021) %07d", rng.IntN(1e7))
	}
	email := ""
	if rng.IntN(10) < 3 {
		email = fmt.Sprintf("user%d@gmail.com", i)
	}
	group := benchGroup[rng.IntN(len(benchGroup))]
	if rng.IntN(3) == 0 {
		group += ", " + benchGroup[rng.IntN(len(benchGroup))]
	}
	return []string{name, ph, email, group}
}

func benchCSV(b *testing.B) string {
	b.Helper()
	p := filepath.Join(b.TempDir(), "bench.csv")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "Nama,No HP,Email,Grup")
	rng := rand.New(rand.NewPCG(2026, 4))
	for i := range benchRows {
		r := benchRow(rng, i)
		fmt.Fprintf(w, "%s,%s,%s,\"%s\"\n", r[0], r[1], r[2], r[3])
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return p
}

// drain reads every record and returns how many there were.
func drain(b *testing.B, src *importer.Source) int {
	recs, err := src.Records(src.Suggested)
	if err != nil {
		b.Fatal(err)
	}
	defer recs.Close()
	n := 0
	for {
		_, err := recs.Next()
		if err == io.EOF {
			return n
		}
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
}

// reportRows adds rows/s and allocations per row to the benchmark's output.
func reportRows(b *testing.B, rows int, before runtime.MemStats) {
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	total := float64(rows) * float64(b.N)
	b.ReportMetric(total/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/total, "allocs/row")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/total, "B/row")
}

// BenchmarkRecordsCSV streams a generated 100,000-row CSV through Records with the
// suggested mapping: name, phone, e-mail and group columns.
func BenchmarkRecordsCSV(b *testing.B) {
	src, err := importer.Open(benchCSV(b), importer.OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	b.SetBytes(src.Size)
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	rows := 0
	for b.Loop() {
		rows = drain(b, src)
	}
	b.StopTimer()
	if rows != benchRows {
		b.Fatalf("read %d rows, want %d", rows, benchRows)
	}
	reportRows(b, rows, before)
}

// BenchmarkOpenCSV measures Open on the same file: the whole-file UTF-8 check, the
// delimiter and header detection and the mapping suggestion.
func BenchmarkOpenCSV(b *testing.B) {
	path := benchCSV(b)
	b.ResetTimer()
	for b.Loop() {
		src, err := importer.Open(path, importer.OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		src.Close()
	}
}

// BenchmarkRecordsXLSX streams a 20,000-row workbook with a shared-string table, as
// Excel writes it, with phones stored as numbers.
func BenchmarkRecordsXLSX(b *testing.B) {
	const n = 20_000
	f := excelize.NewFile()
	rng := rand.New(rand.NewPCG(2026, 5))
	f.SetSheetRow("Sheet1", "A1", &[]any{"Nama", "No HP", "Email", "Grup"})
	for i := range n {
		r := benchRow(rng, i)
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		f.SetSheetRow("Sheet1", cell, &[]any{r[0], 6281200000000 + int64(i), r[2], r[3]})
	}
	p := filepath.Join(b.TempDir(), "bench.xlsx")
	if err := f.SaveAs(p); err != nil {
		b.Fatal(err)
	}
	f.Close()
	src, err := importer.Open(p, importer.OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	rows := 0
	for b.Loop() {
		rows = drain(b, src)
	}
	b.StopTimer()
	if rows != n {
		b.Fatalf("read %d rows, want %d", rows, n)
	}
	reportRows(b, rows, before)
}
