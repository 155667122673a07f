package exporter

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"syscall"

	"kontak/backend/apperr"
)

// WriteFile writes contacts to path atomically: into a temp file in the same
// folder, which is synced and then renamed over path. On any error, a
// cancelled ctx included, the temp file is removed and a file that was at
// path is left as it was. It returns how many contacts were written, 0 when
// it fails.
//
// Problems with the destination (a folder that does not exist, no
// permission, a full disk, a file that another program holds open) are
// *apperr.Error values with code export.file.unwritable, a "reason"
// parameter (one of the Reason constants) and a "path" parameter.
func WriteFile(ctx context.Context, path string, f Format, contacts iter.Seq2[Contact, error], o Options) (n int, err error) {
	if err := checkFormat(f); err != nil {
		return 0, err
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return 0, unwritable(path, syscall.EISDIR)
	}
	// The temp file is in the destination folder because a rename is only
	// atomic within one file system. Its name starts with a dot so that file
	// managers on Linux and macOS hide it while it is being written.
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return 0, unwritable(path, err)
	}
	renamed := false
	defer func() {
		// Deferred so that the temp file also goes when the iterator panics
		// (the bound method that called WriteFile recovers from that).
		if !renamed {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if n, err = Write(ctx, tmp, f, contacts, o); err != nil {
		var e *apperr.Error
		if errors.As(err, &e) && e.Code == CodeUnwritable {
			// Write does not know the path.
			err = unwritable(path, e.Err)
		}
		return 0, err
	}
	// Without the sync, a crash soon after the rename can leave an empty
	// file where the old export was.
	if err := tmp.Sync(); err != nil {
		return 0, unwritable(path, err)
	}
	if err := tmp.Close(); err != nil {
		return 0, unwritable(path, err)
	}
	if err := keepMode(tmp.Name(), path); err != nil {
		return 0, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		if replaceRefused(err) {
			err = fmt.Errorf("%w: %w", errInUse, err)
		}
		return 0, unwritable(path, err)
	}
	renamed = true
	syncDir(filepath.Dir(path))
	return n, nil
}

// keepMode gives the temp file, which os.CreateTemp makes readable by its
// owner only, the permissions of the file it replaces, or 0644 for a new
// file, as most programs create theirs: the file is for other programs to
// open, and a phone sync tool running as another user may need to read it.
func keepMode(tmp, path string) error {
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	if err := os.Chmod(tmp, mode); err != nil {
		return unwritable(path, err)
	}
	return nil
}

// syncDir makes the rename durable. Errors are ignored: the export is
// complete either way, and some systems (Windows) cannot sync a folder.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// Reasons why a destination could not be written, the "reason" parameter of
// an export.file.unwritable error. The interface translates them.
const (
	ReasonFolderMissing    = "folder_missing"
	ReasonPermissionDenied = "permission_denied"
	ReasonReadOnly         = "read_only"
	ReasonDiskFull         = "disk_full"
	ReasonIsDirectory      = "is_directory"
	ReasonNameTooLong      = "name_too_long"
	ReasonFileInUse        = "file_in_use"
	ReasonIO               = "io_error"
)

// errInUse marks a rename that failed because the old file is held open.
var errInUse = errors.New("file in use")

// CodeUnwritable is the code of every error about a destination that could
// not be written.
const CodeUnwritable = "export.file.unwritable"

// unwritable explains why path could not be written. The reasons a user can
// act on (choose another folder, free space, close the file in Excel) are
// Invalid, with the path as the field; anything else is Internal and keeps
// the cause for the log.
func unwritable(path string, err error) *apperr.Error {
	reason, detail := classify(err)
	kind := apperr.Invalid
	if reason == ReasonIO {
		kind = apperr.Internal
	}
	what := path
	if what == "" {
		what = "the export file"
	}
	e := &apperr.Error{
		Kind:    kind,
		Code:    CodeUnwritable,
		Message: "cannot write " + what + ": " + detail,
		Err:     err,
	}
	e.With("reason", reason)
	if path != "" {
		e.With("path", path)
	}
	if kind == apperr.Invalid {
		e.OnField("path")
	}
	return e
}

func classify(err error) (reason, detail string) {
	switch {
	case errors.Is(err, syscall.EISDIR):
		return ReasonIsDirectory, "it is a folder"
	case errors.Is(err, syscall.ENOTDIR), errors.Is(err, fs.ErrNotExist):
		return ReasonFolderMissing, "the folder does not exist"
	case errors.Is(err, syscall.EROFS):
		return ReasonReadOnly, "the drive is read-only"
	case fileInUse(err), errors.Is(err, errInUse):
		return ReasonFileInUse, "the file is open in another program"
	case errors.Is(err, fs.ErrPermission):
		return ReasonPermissionDenied, "permission denied"
	case diskFull(err):
		return ReasonDiskFull, "the disk is full"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return ReasonNameTooLong, "the file name is too long"
	}
	return ReasonIO, "write error"
}
