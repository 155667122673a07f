package importer

import (
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"kontak/backend/apperr"
	"kontak/backend/contacts"
	"kontak/backend/events"
)

// Imports is the import service as bound to the interface. Every method recovers from
// panics so the interface always gets an answer.
type Imports struct{ s *Service }

// Bound returns the face of the service bound to the interface.
func (s *Service) Bound() *Imports { return &Imports{s: s} }

// maxStaged bounds a file sent from the browser as bytes (dev mode's file input).
const maxStaged = 256 << 20

// Stage saves a file the interface sent as base64 bytes (a browser cannot hand over a
// path) into a private temp folder and returns its path for Inspect, Preview and Start.
func (b *Imports) Stage(name string, data string) (_ string, err error) {
	defer apperr.Recover(&err, "stage file")
	if base64.StdEncoding.DecodedLen(len(data)) > maxStaged {
		return "", apperr.New(apperr.Invalid, "import.file.too_large", "the file is too large to send this way; drag it onto the window instead")
	}
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return "", apperr.New(apperr.Invalid, "request.invalid", "the file's bytes are not base64")
	}
	dir, err := os.MkdirTemp("", "kontak-staged-")
	if err != nil {
		return "", apperr.Wrap(err, "stage file")
	}
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	if name == "." || name == "/" || name == "" {
		name = "file"
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		return "", apperr.Wrap(err, "stage file")
	}
	return path, nil
}

// Inspect tells how a file will be read and suggests its mapping.
func (b *Imports) Inspect(path string, open OpenOptions) (_ FileInfo, err error) {
	defer apperr.Recover(&err, "inspect file")
	return b.s.Inspect(path, open)
}

// Preview is a dry run over the whole file.
func (b *Imports) Preview(o Options) (_ Preview, err error) {
	defer apperr.Recover(&err, "preview import")
	return b.s.Preview(o)
}

// Start runs an import in the background. Progress arrives as import:progress events
// and the report as import:done. Only one import runs at a time.
func (b *Imports) Start(o Options) (_ bool, err error) {
	defer apperr.Recover(&err, "start import")
	s := b.s
	if err := s.ready(); err != nil {
		return false, err
	}
	if err := normaliseOptions(&o); err != nil {
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running != nil {
		return false, apperr.New(apperr.Invalid, "import.busy", "another import is running; wait for it or cancel it")
	}
	ctx, cancel := context.WithCancel(context.Background())
	j := &job{cancel: cancel, done: make(chan struct{})}
	s.running = j
	go func() {
		defer close(j.done)
		defer cancel()
		var rep Report
		var runErr error
		func() {
			defer func() {
				if r := recover(); r != nil {
					slog.Error("import panic", "panic", r, "stack", string(debug.Stack()))
					runErr = fmt.Errorf("unexpected failure: %v", r)
				}
			}()
			rep, runErr = s.Run(ctx, o, emitProgress{s.emit})
		}()
		if runErr != nil {
			pub := apperr.Public(runErr)
			rep.Error = pub.Code
			if rep.State == "" || rep.State == "running" {
				rep.State = "failed"
			}
			s.emit.Emit(events.ImportDone, struct {
				Report
				Failure *apperr.Error `json:"failure"`
			}{rep, pub})
		} else {
			s.emit.Emit(events.ImportDone, rep)
		}
		s.mu.Lock()
		s.running = nil
		s.mu.Unlock()
	}()
	return true, nil
}

// Cancel stops the running import; what it wrote is rolled back. It reports whether an
// import was running.
func (b *Imports) Cancel() (_ bool, err error) {
	defer apperr.Recover(&err, "cancel import")
	s := b.s
	s.mu.Lock()
	j := s.running
	s.mu.Unlock()
	if j == nil {
		return false, nil
	}
	j.cancel()
	<-j.done
	return true, nil
}

// Running reports whether an import is running.
func (b *Imports) Running() (_ bool, err error) {
	defer apperr.Recover(&err, "import status")
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	return b.s.running != nil, nil
}

// History lists every import, newest first.
func (b *Imports) History() (_ []Report, err error) {
	defer apperr.Recover(&err, "list imports")
	return b.s.History()
}

// Report returns one import's report.
func (b *Imports) Report(id uint64) (_ Report, err error) {
	defer apperr.Recover(&err, "read import")
	return b.s.Report(id)
}

// Undo reverses a finished import.
func (b *Imports) Undo(id uint64) (_ contacts.UndoResult, err error) {
	defer apperr.Recover(&err, "undo import")
	return b.s.Undo(id)
}

// SaveRejected writes an import's rejected rows as a CSV to path.
func (b *Imports) SaveRejected(id uint64, path string) (_ int64, err error) {
	defer apperr.Recover(&err, "save rejected rows")
	return b.s.SaveRejected(id, path)
}

// emitProgress sends progress reports to the interface as events.
type emitProgress struct{ emit events.Emitter }

func (e emitProgress) Report(p ProgressInfo) { e.emit.Emit(events.ImportProgress, p) }

func dirOf(path string) string { return filepath.Dir(path) }
