package importer_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"kontak/backend/apperr"
	"kontak/backend/importer"
)

// FuzzOpen feeds arbitrary bytes to Open and Records. Whatever the bytes, the readers must
// not panic, and every error they return for the file must carry a code.
func FuzzOpen(f *testing.F) {
	for _, seed := range []string{
		"Nama;No HP\n\"Santoso; Budi\";0812\n",
		"a,b\n\"unclosed,1\n2,3\n",
		"\xEF\xBB\xBFx\r\ry\r",
		"\xFF\xFEN\x00a\x00,\x00b\x00\n\x00",
		"BEGIN:VCARD\nVERSION:2.1\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=x:=C3=\n=A9;\nTEL;TYPE=\"a:b\":1\nitem1.X-ABLabel:\nEND:VCARD\n",
		"BEGIN:VCARD\nBEGIN:VCARD\nFN:\\\nEND:VCARD\n",
		"PK\x03\x04garbage",
		"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "f")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		src, err := importer.Open(p, importer.OpenOptions{})
		if err != nil {
			mustHaveCode(t, err)
			return
		}
		defer src.Close()
		if _, err := src.Sample(100); err != nil {
			mustHaveCode(t, err)
		}
		recs, err := src.Records(src.Suggested)
		if err != nil {
			mustHaveCode(t, err)
			return
		}
		defer recs.Close()
		for range 10000 {
			if _, err := recs.Next(); err != nil {
				if err != io.EOF {
					mustHaveCode(t, err)
				}
				return
			}
		}
	})
}

func mustHaveCode(t *testing.T, err error) {
	t.Helper()
	var e *apperr.Error
	if !errors.As(err, &e) || e.Code == "" {
		t.Fatalf("error without a code: %v", err)
	}
}
