package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"kontak/backend/apperr"
)

// TestZipBomb builds a workbook whose sheet is megabytes of one repeated byte, which
// deflate packs into a few kilobytes. The limits are lowered for the test, so that it
// stays small and fast while exercising the same checks as a gigabyte bomb.
func TestZipBomb(t *testing.T) {
	saved := zipLimits
	t.Cleanup(func() { zipLimits = saved })

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := map[string][]byte{
		"[Content_Types].xml":      []byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
		"xl/workbook.xml":          []byte(`<workbook><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
		"xl/worksheets/sheet1.xml": bytes.Repeat([]byte{' '}, 8<<20),
	}
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bomb.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name                         string
		part, total, ratio, ratioMin uint64
	}{
		{name: "part too large", part: 4 << 20, total: 1 << 40, ratio: 1 << 40, ratioMin: 1 << 40},
		{name: "all parts too large", part: 1 << 40, total: 4 << 20, ratio: 1 << 40, ratioMin: 1 << 40},
		{name: "compression ratio absurd", part: 1 << 40, total: 1 << 40, ratio: 200, ratioMin: 1 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			zipLimits.part, zipLimits.total, zipLimits.ratio, zipLimits.ratioMin = tt.part, tt.total, tt.ratio, tt.ratioMin
			src, err := Open(path, OpenOptions{})
			if err == nil {
				src.Close()
			}
			var e *apperr.Error
			if !errors.As(err, &e) || e.Code != CodeXLSXTooLarge {
				t.Fatalf("Open error = %v, want %s", err, CodeXLSXTooLarge)
			}
		})
	}
}
