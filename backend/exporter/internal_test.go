package exporter

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"testing"

	"kontak/backend/apperr"
)

// The reasons that cannot be produced for real in a test run as root on a
// roomy disk are checked on the errors the system would return.
func TestUnwritableReasons(t *testing.T) {
	pathErr := func(errno syscall.Errno) error {
		return &os.PathError{Op: "open", Path: "/x/kontak.csv", Err: errno}
	}
	tests := []struct {
		name   string
		err    error
		kind   apperr.Kind
		reason string
	}{
		{"NotExist", pathErr(syscall.ENOENT), apperr.Invalid, ReasonFolderMissing},
		{"NotDir", pathErr(syscall.ENOTDIR), apperr.Invalid, ReasonFolderMissing},
		{"Permission", pathErr(syscall.EACCES), apperr.Invalid, ReasonPermissionDenied},
		{"NotPermitted", pathErr(syscall.EPERM), apperr.Invalid, ReasonPermissionDenied},
		{"ReadOnly", pathErr(syscall.EROFS), apperr.Invalid, ReasonReadOnly},
		{"DiskFull", pathErr(syscall.ENOSPC), apperr.Invalid, ReasonDiskFull},
		{"Quota", pathErr(syscall.EDQUOT), apperr.Invalid, ReasonDiskFull},
		{"IsDir", pathErr(syscall.EISDIR), apperr.Invalid, ReasonIsDirectory},
		{"NameTooLong", pathErr(syscall.ENAMETOOLONG), apperr.Invalid, ReasonNameTooLong},
		{"InUse", fmt.Errorf("%w: %w", errInUse, pathErr(syscall.EACCES)), apperr.Invalid, ReasonFileInUse},
		{"Wrapped", fmt.Errorf("write csv: %w", fs.ErrPermission), apperr.Invalid, ReasonPermissionDenied},
		{"IO", pathErr(syscall.EIO), apperr.Internal, ReasonIO},
		{"Other", errors.New("zip: write to closed writer"), apperr.Internal, ReasonIO},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := unwritable("/x/kontak.csv", tt.err)
			if e.Kind != tt.kind || e.Params["reason"] != tt.reason {
				t.Errorf("unwritable(%v) = kind %s reason %s, want kind %s reason %s",
					tt.err, e.Kind, e.Params["reason"], tt.kind, tt.reason)
			}
			if !errors.Is(e, tt.err) {
				t.Errorf("unwritable(%v) does not wrap its cause", tt.err)
			}
		})
	}
}

// A sheet has 1,048,576 rows; the contact after the last that fits is
// refused with a message that says what to do, rather than excelize's.
func TestXLSXTooManyRows(t *testing.T) {
	s := newXLSXSink(io.Discard, newColumns(nil))
	defer s.abort()
	if err := s.header(); err != nil {
		t.Fatalf("header: %v", err)
	}
	s.rows = maxXLSXContacts // the header and all contacts but one
	if err := s.row(&Contact{Name: "last that fits"}); err != nil {
		t.Fatalf("row %d: %v", s.rows, err)
	}
	err := s.row(&Contact{Name: "one too many"})
	if !apperr.Is(err, "export.xlsx.too_many_rows") || apperr.KindOf(err) != apperr.Invalid {
		t.Errorf("row %d: error = %v, want invalid export.xlsx.too_many_rows", s.rows+1, err)
	}
}
