package importer_test

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"kontak/backend/fixtures"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kontak/backend/importer"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// peers returns the folder of the shared peer fixtures.
func peers(t *testing.T) string { return fixtures.Shared(t, "peers") }

// goldenRoots are the fixture folders whose every file gets a golden file.
var goldenRoots = []string{"contacts", "csv-spectrum/csvs", "xlsx"}

// notFixture reports the files beside the fixtures that describe them.
func notFixture(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return name == "SOURCE.md" || ext == ".txt" || ext == ".json" || ext == ".md"
}

// TestGolden reads every peer fixture and compares what Open and Records make of it with
// testdata/golden/<fixture path>.golden. Run with -update to rewrite the files after a
// deliberate change, and read the diff.
func TestGolden(t *testing.T) {
	root := peers(t)
	var files []string
	for _, dir := range goldenRoots {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && !notFixture(d.Name()) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 100 {
		t.Fatalf("found %d fixtures, want the 100 or more of the shared set", len(files))
	}
	for _, path := range files {
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		t.Run(rel, func(t *testing.T) {
			got := describe(t, path)
			golden := filepath.Join("testdata", "golden", filepath.FromSlash(rel)+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n%s", rel, golden, lineDiff(string(want), got))
			}
		})
	}
}

// maxGoldenRecords keeps the golden files of large fixtures readable.
const maxGoldenRecords = 300

// describe opens a file and writes what was detected and every record as stable text,
// or the error code and its parameters.
func describe(t *testing.T, path string) string {
	t.Helper()
	var b strings.Builder
	src, err := importer.Open(path, importer.OpenOptions{})
	if err != nil {
		writeErr(&b, err)
		return b.String()
	}
	defer src.Close()
	fmt.Fprintf(&b, "format: %s\n", src.Format)
	fmt.Fprintf(&b, "profile: %q\n", src.Profile)
	fmt.Fprintf(&b, "encoding: %q\n", src.Encoding)
	fmt.Fprintf(&b, "delimiter: %q\n", src.Delimiter)
	if src.Format == importer.FormatXLSX {
		fmt.Fprintf(&b, "sheets: %q\n", src.Sheets)
		fmt.Fprintf(&b, "sheet: %q\n", src.Sheet)
	}
	fmt.Fprintf(&b, "header row: %d\n", src.HeaderRow)
	if src.Header != nil {
		b.WriteString("columns:\n")
		for i, h := range src.Header {
			m := importer.ColumnMap{Role: "MISSING"}
			if i < len(src.Suggested.Columns) {
				m = src.Suggested.Columns[i]
			}
			fmt.Fprintf(&b, "  %d %q: %s", i+1, h, m.Role)
			if m.Key != "" {
				fmt.Fprintf(&b, " %q", m.Key)
			}
			b.WriteString("\n")
		}
		if len(src.Suggested.Columns) != len(src.Header) {
			fmt.Fprintf(&b, "  (mapping has %d columns)\n", len(src.Suggested.Columns))
		}
	}
	recs, err := src.Records(src.Suggested)
	if err != nil {
		writeErr(&b, err)
		return b.String()
	}
	defer recs.Close()
	b.WriteString("records:\n")
	n := 0
	for {
		r, err := recs.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			writeErr(&b, err)
			break
		}
		n++
		if n > maxGoldenRecords {
			continue
		}
		writeRecord(&b, r)
	}
	if n > maxGoldenRecords {
		fmt.Fprintf(&b, "  … %d records in all\n", n)
	}
	if done := recs.Done(); done != src.Size {
		fmt.Fprintf(&b, "done: %d of %d bytes\n", done, src.Size)
	}
	return b.String()
}

func writeRecord(b *strings.Builder, r importer.Record) {
	fmt.Fprintf(b, "  row %d: %q\n", r.Row, r.Name)
	for _, p := range r.Phones {
		fmt.Fprintf(b, "    phone %q", p.Value)
		if p.Label != "" {
			fmt.Fprintf(b, " %s", p.Label)
		}
		b.WriteString("\n")
	}
	if r.Email != "" {
		fmt.Fprintf(b, "    email %q\n", r.Email)
	}
	for _, g := range r.Groups {
		fmt.Fprintf(b, "    group %q\n", g)
	}
	for _, f := range r.Fields {
		fmt.Fprintf(b, "    field %q = %q\n", f.Key, f.Value)
	}
}

func writeErr(b *strings.Builder, err error) { fixtures.WriteError(b, err) }

func lineDiff(want, got string) string { return fixtures.Diff(want, got) }
