package exporter_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"syscall"
	"testing"

	"kontak/backend/apperr"
	"kontak/backend/exporter"
)

var formats = []exporter.Format{exporter.CSV, exporter.XLSX, exporter.VCard}

// dirNames lists the names in dir.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read folder: %v", err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFile(t *testing.T) {
	for _, f := range formats {
		t.Run(string(f), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "kontak"+f.Extension())
			if err := os.WriteFile(path, []byte("old export"), 0o600); err != nil {
				t.Fatal(err)
			}
			n, err := exporter.WriteFile(context.Background(), path, f, seq(tricky...), exporter.Options{FieldKeys: fieldKeys})
			if err != nil || n != len(tricky) {
				t.Fatalf("WriteFile = %d, %v, want %d, nil", n, err, len(tricky))
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var want bytes.Buffer
			if _, err := exporter.Write(context.Background(), &want, f, seq(tricky...), exporter.Options{FieldKeys: fieldKeys}); err != nil {
				t.Fatal(err)
			}
			// An XLSX file holds its creation time, so only its size is compared.
			if f != exporter.XLSX && !bytes.Equal(got, want.Bytes()) || len(got) != want.Len() {
				t.Errorf("the file (%d bytes) differs from what Write writes (%d bytes)", len(got), want.Len())
			}
			if names := dirNames(t, dir); !slices.Equal(names, []string{filepath.Base(path)}) {
				t.Errorf("folder holds %q, want only the export", names)
			}
			if fi, _ := os.Stat(path); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
				t.Errorf("the export replacing a 0600 file has mode %v, want the old file's", fi.Mode().Perm())
			}
		})
	}
}

func TestWriteFileNewFileMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no permission bits")
	}
	path := filepath.Join(t.TempDir(), "new.csv")
	if _, err := exporter.WriteFile(context.Background(), path, exporter.CSV, seq(tricky[0]), exporter.Options{}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("a new export has mode %v (%v), want 0644", fi.Mode().Perm(), err)
	}
}

// A failing or cancelled export leaves the file that was there untouched
// and no temp file behind.
func TestWriteFileAtomic(t *testing.T) {
	boom := errors.New("disk read error")
	tests := []struct {
		name     string
		contacts func(cancel context.CancelFunc) iter.Seq2[exporter.Contact, error]
		wantErr  error
	}{
		{"IteratorFails", func(context.CancelFunc) iter.Seq2[exporter.Contact, error] {
			return failAfter(boom, tricky[:5]...)
		}, boom},
		{"IteratorFailsAtOnce", func(context.CancelFunc) iter.Seq2[exporter.Contact, error] {
			return failAfter(boom)
		}, boom},
		{"Cancelled", func(cancel context.CancelFunc) iter.Seq2[exporter.Contact, error] {
			return func(yield func(exporter.Contact, error) bool) {
				for i, c := range tricky {
					if i == 4 {
						cancel()
					}
					if !yield(c, nil) {
						return
					}
				}
			}
		}, context.Canceled},
	}
	for _, tt := range tests {
		for _, f := range formats {
			t.Run(tt.name+"/"+string(f), func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, "kontak"+f.Extension())
				old := []byte("the export of last week")
				if err := os.WriteFile(path, old, 0o644); err != nil {
					t.Fatal(err)
				}
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				n, err := exporter.WriteFile(ctx, path, f, tt.contacts(cancel), exporter.Options{})
				if !errors.Is(err, tt.wantErr) {
					t.Errorf("error = %v, want %v", err, tt.wantErr)
				}
				if n != 0 {
					t.Errorf("WriteFile returned %d written, want 0", n)
				}
				if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
					t.Errorf("the old file now holds %q, want it untouched", got)
				}
				if names := dirNames(t, dir); !slices.Equal(names, []string{filepath.Base(path)}) {
					t.Errorf("folder holds %q, want only the old file", names)
				}
			})
		}
	}
}

// A panicking iterator leaves no temp file either: the bound method that
// called WriteFile recovers, and the user tries again.
func TestWriteFilePanic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kontak.csv")
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the iterator's panic did not reach the caller")
			}
		}()
		exporter.WriteFile(context.Background(), path, exporter.CSV, func(yield func(exporter.Contact, error) bool) {
			yield(tricky[0], nil)
			panic("bug in the store")
		}, exporter.Options{})
	}()
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("folder holds %q, want nothing", names)
	}
}

// A context that is already cancelled creates nothing.
func TestWriteFileCancelledBefore(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := exporter.WriteFile(ctx, filepath.Join(dir, "x.csv"), exporter.CSV, seq(tricky...), exporter.Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("folder holds %q, want nothing", names)
	}
}

func TestWriteFileUnwritable(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, path, reason string
	}{
		{"FolderMissing", filepath.Join(dir, "no such folder", "kontak.csv"), "folder_missing"},
		{"PathIsFolder", dir, "is_directory"},
		{"ParentIsFile", filepath.Join(dir, "file.txt", "kontak.csv"), "folder_missing"},
	}
	if err := os.WriteFile(filepath.Join(dir, "file.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := exporter.WriteFile(context.Background(), tt.path, exporter.CSV, seq(tricky...), exporter.Options{})
			checkUnwritable(t, err, apperr.Invalid, tt.reason, tt.path)
		})
	}
}

func TestWriteFilePermissionDenied(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs permission bits that apply to the user (not root)")
	}
	dir := filepath.Join(t.TempDir(), "locked")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "kontak.csv")
	_, err := exporter.WriteFile(context.Background(), path, exporter.CSV, seq(tricky...), exporter.Options{})
	checkUnwritable(t, err, apperr.Invalid, "permission_denied", path)
}

func checkUnwritable(t *testing.T, err error, kind apperr.Kind, reason, path string) {
	t.Helper()
	var e *apperr.Error
	if !errors.As(err, &e) || e.Code != "export.file.unwritable" {
		t.Fatalf("error = %v, want code export.file.unwritable", err)
	}
	if e.Kind != kind || e.Params["reason"] != reason || e.Params["path"] != path {
		t.Errorf("error = kind %s, params %v, want kind %s, reason %s, path %q", e.Kind, e.Params, kind, reason, path)
	}
	t.Logf("message: %s", e.Message)
}

// fullDisk accepts limit bytes and then fails as a full disk does.
type fullDisk struct{ limit int }

func (d *fullDisk) Write(p []byte) (int, error) {
	if len(p) > d.limit {
		n := d.limit
		d.limit = 0
		return n, &os.PathError{Op: "write", Path: "/media/usb/kontak.csv", Err: syscall.ENOSPC}
	}
	d.limit -= len(p)
	return len(p), nil
}

func TestWriteDiskFull(t *testing.T) {
	for _, f := range formats {
		for _, limit := range []int{0, 500} {
			t.Run(fmt.Sprintf("%s/after%d", f, limit), func(t *testing.T) {
				_, err := exporter.Write(context.Background(), &fullDisk{limit: limit}, f, seq(tricky...), exporter.Options{})
				checkUnwritable(t, err, apperr.Invalid, "disk_full", "")
				if want := "cannot write the export file: the disk is full"; err.Error() != want {
					t.Errorf("message = %q, want %q", err, want)
				}
			})
		}
	}
}

// brokenPipe fails every write with an error no reason fits.
type brokenPipe struct{}

func (brokenPipe) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestWriteIOError(t *testing.T) {
	for _, f := range formats {
		t.Run(string(f), func(t *testing.T) {
			_, err := exporter.Write(context.Background(), brokenPipe{}, f, seq(tricky...), exporter.Options{})
			checkUnwritable(t, err, apperr.Internal, "io_error", "")
			if !errors.Is(err, io.ErrClosedPipe) {
				t.Errorf("error %v does not wrap the cause", err)
			}
		})
	}
}
