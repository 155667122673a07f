package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

// sniffSize is how much of a file Open looks at to decide its format, encoding and
// delimiter: enough for the first 50 rows of any sane table.
const sniffSize = 64 << 10

type fileKind int

const (
	kindText fileKind = iota // delimited text or vCard: decided after decoding
	kindXLSX
)

var (
	magicZip   = []byte("PK\x03\x04")
	magicZip0  = []byte("PK\x05\x06") // an empty archive
	magicOLE2  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	magicPDF   = []byte("%PDF")
	magicRTF   = []byte(`{\rtf`)
	magicGzip  = []byte{0x1F, 0x8B}
	magicRar   = []byte("Rar!\x1A\x07")
	magic7z    = []byte{'7', 'z', 0xBC, 0xAF, 0x27, 0x1C}
	magicPNG   = []byte("\x89PNG\r\n\x1A\n")
	magicJPEG  = []byte{0xFF, 0xD8, 0xFF}
	magicGIF   = []byte("GIF8")
	magicBZip2 = []byte("BZh")
)

// sniff decides from the first bytes whether the file is a workbook, a container format
// the readers cannot read (with an error that says how to save it instead), or text.
// It never looks at the file name: users rename files, and browsers and chat apps save
// them with whatever extension they like.
func sniff(f *os.File, size int64, head []byte) (fileKind, error) {
	switch {
	case bytes.HasPrefix(head, magicZip), bytes.HasPrefix(head, magicZip0):
		return sniffZip(f, size)
	case bytes.HasPrefix(head, magicOLE2):
		return 0, sniffOLE2(f, size)
	case bytes.HasPrefix(head, magicPDF):
		return 0, errUnsupported("pdf", "")
	case bytes.HasPrefix(head, magicRTF):
		return 0, errUnsupported("other", "rich text document")
	case bytes.HasPrefix(head, magicGzip), bytes.HasPrefix(head, magicRar),
		bytes.HasPrefix(head, magic7z), bytes.HasPrefix(head, magicBZip2) && len(head) > 3 && head[3] >= '1' && head[3] <= '9':
		return 0, errUnsupported("other", "compressed archive")
	case bytes.HasPrefix(head, magicPNG), bytes.HasPrefix(head, magicJPEG), bytes.HasPrefix(head, magicGIF):
		return 0, errBinary()
	}
	if excelXML(head) {
		// Excel 2003 XML and the HTML tables old systems save with an .xls name.
		return 0, errUnsupported("xls", "Excel XML or HTML table")
	}
	return kindText, nil
}

// excelXML reports whether head is the start of an Excel 2003 XML spreadsheet or of an
// HTML table saved for Excel, which many Indonesian business systems export as ".xls".
func excelXML(head []byte) bool {
	h := bytes.TrimLeft(head, "\xef\xbb\xbf \t\r\n")
	if len(h) == 0 || h[0] != '<' {
		return false
	}
	low := strings.ToLower(string(h[:min(len(h), 4096)]))
	return strings.Contains(low, "urn:schemas-microsoft-com:office:spreadsheet") ||
		strings.Contains(low, "urn:schemas-microsoft-com:office:excel") ||
		(strings.Contains(low, "<html") && strings.Contains(low, "<table"))
}

// sniffZip tells an XLSX workbook from the other zip-based formats by the parts inside.
func sniffZip(f *os.File, size int64) (fileKind, error) {
	zr, err := zip.NewReader(f, size)
	if err != nil {
		return 0, errXLSXCorrupt(fmt.Errorf("open zip: %w", err))
	}
	var ods, numbers bool
	for _, zf := range zr.File {
		switch name := strings.ToLower(strings.ReplaceAll(zf.Name, `\`, "/")); {
		case name == "xl/workbook.xml", name == "xl/workbook.bin":
			if name == "xl/workbook.bin" {
				return 0, errUnsupported("other", "Excel binary workbook (.xlsb)")
			}
			return kindXLSX, nil
		case name == "content.xml":
			ods = true
		case name == "mimetype":
			if zipText(zf, 128) == "application/vnd.oasis.opendocument.spreadsheet" ||
				strings.HasPrefix(zipText(zf, 128), "application/vnd.oasis.opendocument") {
				ods = true
			}
		case name == "index/document.iwa", strings.HasSuffix(name, "/index/document.iwa"), strings.HasPrefix(name, "index/"):
			numbers = true
		}
	}
	switch {
	case numbers:
		return 0, errUnsupported("numbers", "")
	case ods:
		return 0, errUnsupported("ods", "")
	}
	return 0, errUnsupported("zip", "")
}

// zipText returns the first max bytes of a small archive member, or "" when it cannot be
// read; it is only used to recognise a format.
func zipText(zf *zip.File, max int64) string {
	rc, err := zf.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, max))
	return strings.TrimSpace(string(b))
}

// sniffOLE2 returns the error for an OLE2 compound file. Nearly always it is a legacy
// .xls workbook, but Excel also wraps a password-protected .xlsx in OLE2, and telling the
// user to "save it as .xlsx" would then be no help: they must remove the password.
func sniffOLE2(f *os.File, size int64) error {
	const scan = 1 << 20 // the directory of a small file is near its start
	b := make([]byte, min(size, scan))
	n, _ := f.ReadAt(b, 0)
	if bytes.Contains(b[:n], utf16le("EncryptedPackage")) {
		return errUnsupported("other", "password-protected workbook; remove the password in Excel and save it again")
	}
	return errUnsupported("xls", "")
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}
