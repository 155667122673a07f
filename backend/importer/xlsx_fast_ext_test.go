package importer_test

import (
	"path/filepath"
	"testing"

	"kontak/backend/bench"
	"kontak/backend/importer"
)

// TestFastReaderBenchWorkbook compares the fast reader with excelize on the workbook the
// performance benchmarks import, written as Excel writes it.
func TestFastReaderBenchWorkbook(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bench.xlsx")
	if err := bench.WriteXLSX(p, 3000); err != nil {
		t.Fatal(err)
	}
	if n := importer.CompareXLSXReaders(t, p); n != 1 {
		t.Errorf("the fast reader read %d sheets by itself, want 1", n)
	}
}
