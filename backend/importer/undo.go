package importer

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"kontak/backend/apperr"
	"kontak/backend/contacts"
	"kontak/backend/events"
	"kontak/backend/store"
)

func importNotFound(id uint64) error {
	return apperr.New(apperr.NotFound, "import.not_found", fmt.Sprintf("import %d does not exist", id)).
		With("id", strconv.FormatUint(id, 10))
}

// History lists every import, newest first.
func (s *Service) History() ([]Report, error) {
	if err := s.ready(); err != nil {
		return nil, err
	}
	ims, err := s.db.Imports()
	if err != nil {
		return nil, apperr.Wrap(err, "read imports")
	}
	out := make([]Report, 0, len(ims))
	for i := len(ims) - 1; i >= 0; i-- {
		if ims[i].Format == "delete" { // bulk deletes share the undo log, not the history
			continue
		}
		out = append(out, reportFrom(ims[i]))
	}
	return out, nil
}

// Report returns one import's report.
func (s *Service) Report(id uint64) (Report, error) {
	if err := s.ready(); err != nil {
		return Report{}, err
	}
	var im store.Import
	err := s.db.View(func(t *store.Txn) error {
		var err error
		im, err = t.Import(id)
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		return Report{}, importNotFound(id)
	}
	if err != nil {
		return Report{}, apperr.Wrap(err, "read import")
	}
	return reportFrom(im), nil
}

// Undo reverses a finished import: it removes the contacts it created, restores the
// contacts it changed and takes out the memberships it added.
func (s *Service) Undo(id uint64) (contacts.UndoResult, error) {
	rep, err := s.Report(id)
	if err != nil {
		return contacts.UndoResult{}, err
	}
	s.mu.Lock()
	busy := s.running != nil && s.running.id == id
	s.mu.Unlock()
	if busy {
		return contacts.UndoResult{}, apperr.New(apperr.Invalid, "import.running", "this import is still running; cancel it instead")
	}
	if rep.State != store.ImportDone {
		return contacts.UndoResult{}, apperr.New(apperr.Invalid, "import.not_undoable",
			fmt.Sprintf("import %d is %s and has nothing to undo", id, rep.State)).With("state", rep.State)
	}
	res, err := s.contacts.UndoImport(id)
	if err != nil {
		return res, err
	}
	err = s.db.Update(func(t *store.Txn) error {
		im, err := t.Import(id)
		if err != nil {
			return err
		}
		im.State = store.ImportUndone
		return t.PutImport(im)
	})
	if err != nil {
		return res, apperr.Wrap(err, "record undo")
	}
	s.emit.Emit(events.ImportsChanged, struct{}{})
	return res, nil
}

// SaveRejected copies an import's rejected rows to path and returns how many there were.
func (s *Service) SaveRejected(id uint64, path string) (int64, error) {
	rep, err := s.Report(id)
	if err != nil {
		return 0, err
	}
	if rep.Rejected == 0 {
		return 0, apperr.New(apperr.Invalid, "import.nothing_rejected", "this import rejected no rows")
	}
	in, err := os.Open(s.rejectedPath(id))
	if err != nil {
		return 0, apperr.New(apperr.NotFound, "import.rejected_missing", "the rejected rows of this import are no longer kept")
	}
	defer in.Close()
	tmp, err := os.CreateTemp(dirOf(path), ".kontak-rejected-*")
	if err != nil {
		return 0, apperr.New(apperr.Invalid, "export.file.unwritable", err.Error()).With("detail", err.Error())
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return 0, apperr.Wrap(err, "save rejected rows")
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return 0, apperr.Wrap(err, "save rejected rows")
	}
	if err := tmp.Close(); err != nil {
		return 0, apperr.Wrap(err, "save rejected rows")
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return 0, apperr.New(apperr.Invalid, "export.file.unwritable", err.Error()).With("detail", err.Error())
	}
	return rep.Rejected, nil
}
