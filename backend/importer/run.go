package importer

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"kontak/backend/apperr"
	"kontak/backend/contacts"
	"kontak/backend/events"
	"kontak/backend/store"
)

// Report is the outcome of an import: its counts, its problem rows, and where it stands.
type Report struct {
	ImportID uint64 `json:"batch"`
	File     string `json:"file"`
	Path     string `json:"path"`
	Format   string `json:"format"`
	State    string `json:"state"` // running, done, cancelled, failed, undone
	Counts
	Problems   []Problem `json:"problems"`
	Rejected   int64     `json:"rejected"` // rows in the rejected-rows file
	Groups     []uint64  `json:"groupIds"`
	StartedAt  int64     `json:"startedAt"`
	FinishedAt int64     `json:"finishedAt"`
	Error      string    `json:"error,omitempty"`
}

// detail is what the importer keeps in an import record besides its counts.
type detail struct {
	Problems []Problem `json:"problems"`
	Rejected int64     `json:"rejected"`
}

func reportFrom(im store.Import) Report {
	r := Report{ImportID: im.ID, File: im.File, Path: im.Path, Format: im.Format, State: im.State,
		Counts: countsFromMap(im.Counts), Groups: im.Groups, StartedAt: im.StartedAt,
		FinishedAt: im.FinishedAt, Error: im.Error, Problems: []Problem{}}
	var d detail
	if len(im.Detail) > 0 && json.Unmarshal(im.Detail, &d) == nil {
		r.Rejected = d.Rejected
		if d.Problems != nil {
			r.Problems = d.Problems
		}
	}
	if r.Groups == nil {
		r.Groups = []uint64{}
	}
	return r
}

// rejectedPath is the rejected-rows file of an import.
func (s *Service) rejectedPath(id uint64) string {
	return filepath.Join(s.dir, fmt.Sprintf("import-%d-rejected.csv", id))
}

// progressEvery is how often progress is reported: about ten times a second.
const progressEvery = 100 * time.Millisecond

// Run imports a file. It writes in slices of one transaction each and records an undo
// step for every change; when it is cancelled (ctx) or fails part-way, everything it
// wrote is rolled back, so the contacts are as they were before. A kill is rolled back
// at the next start (New).
func (s *Service) Run(ctx context.Context, o Options, progress Progress) (Report, error) {
	if err := s.ready(); err != nil {
		return Report{}, err
	}
	if err := normaliseOptions(&o); err != nil {
		return Report{}, err
	}
	for _, gid := range o.GroupIDs {
		if _, err := s.contacts.Groups().Get(gid); err != nil {
			return Report{}, err
		}
	}
	src, err := Open(o.Path, o.Open)
	if err != nil {
		return Report{}, err
	}
	defer src.Close()
	m, err := s.mappingFor(src, o.Mapping)
	if err != nil {
		return Report{}, err
	}
	if err := checkMapping(src, m); err != nil {
		return Report{}, err
	}
	id, err := s.db.NextID("import")
	if err != nil {
		return Report{}, apperr.Wrap(err, "start import")
	}
	im := store.Import{ID: id, File: filepath.Base(o.Path), Path: o.Path, Format: string(src.Format),
		State: store.ImportRunning, StartedAt: s.now().UnixMilli(), Counts: Counts{}.asMap()}
	if err := s.db.Update(func(t *store.Txn) error { return t.PutImport(im) }); err != nil {
		return Report{}, apperr.Wrap(err, "start import")
	}
	s.emit.Emit(events.ImportsChanged, struct{}{})
	s.rememberMapping(src.Header, m)

	counts, d, groups, runErr := s.run(ctx, id, o, src, m, progress)
	im.Groups = groups
	im.Counts, im.FinishedAt = counts.asMap(), s.now().UnixMilli()
	im.Detail, _ = json.Marshal(d)
	switch {
	case runErr == nil:
		im.State = store.ImportDone
	default:
		im.State = store.ImportFailed
		if errors.Is(runErr, errCancelled) {
			im.State = store.ImportCancelled
		} else {
			im.Error = runErr.Error()
		}
		if progress != nil {
			progress.Report(ProgressInfo{ImportID: id, Phase: "undoing"})
		}
		if _, err := s.contacts.UndoImport(id); err != nil {
			// The record stays "running", so the next start tries the rollback again.
			slog.Error("roll back import", "id", id, "err", err)
			return reportFrom(im), apperr.Wrap(err, "roll back import")
		}
	}
	if err := s.db.Update(func(t *store.Txn) error { return t.PutImport(im) }); err != nil {
		return reportFrom(im), apperr.Wrap(err, "record import")
	}
	s.emit.Emit(events.ImportsChanged, struct{}{})
	rep := reportFrom(im)
	if errors.Is(runErr, errCancelled) {
		return rep, nil
	}
	return rep, runErr
}

func (s *Service) run(ctx context.Context, id uint64, o Options, src *Source, m Mapping, progress Progress) (counts Counts, d detail, groups []uint64, err error) {
	d = detail{Problems: []Problem{}}
	var step contacts.Steps
	targets, err := s.contacts.EnsureGroups(id, &step, o.NewGroups)
	if err != nil {
		return counts, d, nil, err
	}
	p := newPlanner(s, o)
	p.source = fmt.Sprintf("import:%d", id)
	p.groupIDs = append(append([]uint64{}, o.GroupIDs...), targets...)
	groups = p.groupIDs
	p.groupCol = map[string]uint64{}

	rejected, err := newRejectedWriter(s.rejectedPath(id))
	if err != nil {
		return counts, d, groups, err
	}
	defer rejected.close()

	recs, err := src.Records(m)
	if err != nil {
		return counts, d, groups, err
	}
	defer recs.Close()

	// Reading and planning run here while a second goroutine writes the previous slice,
	// so parsing (excelize above all) and Badger's writes use both cores.
	var written Counts
	var writeErr error
	var writeFailed atomic.Bool
	slicesOut := make(chan []contacts.ImportRow, 2)
	// Written slices come back for reuse, so a million rows do not allocate a thousand
	// slices of a thousand records.
	spare := make(chan []contacts.ImportRow, 4)
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		for b := range slicesOut {
			if writeErr != nil {
				continue
			}
			results, err := s.contacts.ApplyImport(id, &step, b)
			clear(b) // ApplyImport keeps nothing of the rows
			select {
			case spare <- b[:0]:
			default:
			}
			if err != nil {
				writeErr = err
				writeFailed.Store(true)
				continue
			}
			for _, r := range results {
				switch r {
				case contacts.ImportCreated:
					written.Created++
				case contacts.ImportUpdated:
					written.Updated++
				case contacts.ImportUnchanged:
					written.Unchanged++
				case contacts.ImportConflict:
					// Another contact took this phone between planning and writing.
					written.Duplicates++
				}
			}
		}
	}()
	batch := make([]contacts.ImportRow, 0, s.batchSize)
	closed := false
	finish := func() error {
		if !closed {
			closed = true
			if len(batch) > 0 {
				slicesOut <- batch
			}
			close(slicesOut)
			<-writerDone
			counts.Created += written.Created
			counts.Updated += written.Updated
			counts.Unchanged += written.Unchanged
			counts.Duplicates += written.Duplicates
		}
		return writeErr
	}
	defer finish()

	start, last := time.Now(), time.Time{}
	report := func(final bool) {
		if progress == nil {
			return
		}
		now := time.Now()
		if !final && now.Sub(last) < progressEvery {
			return
		}
		last = now
		info := ProgressInfo{ImportID: id, Rows: counts.Read, Done: recs.Done(), Total: src.Size, Phase: "reading"}
		if final {
			info.Done, info.Phase = info.Total, "done"
		}
		if info.Total > 0 {
			info.Percent = min(100, 100*float64(info.Done)/float64(info.Total))
		}
		if secs := now.Sub(start).Seconds(); secs > 0 {
			info.RowsPerSec = float64(counts.Read) / secs
			if info.Done > 0 && info.Total > info.Done {
				info.SecondsMax = secs * float64(info.Total-info.Done) / float64(info.Done)
			}
		}
		progress.Report(info)
	}

	for {
		if counts.Read%256 == 0 {
			if err := ctx.Err(); err != nil {
				finish()
				return counts, d, groups, errCancelled
			}
			if writeFailed.Load() {
				return counts, d, groups, finish()
			}
			report(false)
		}
		r, err := recs.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return counts, d, groups, err
		}
		counts.Read++
		pl, err := p.plan(&r)
		if err != nil {
			return counts, d, groups, err
		}
		if pl.problem() {
			counts.add(pl.outcome)
			if len(d.Problems) < maxProblems {
				d.Problems = append(d.Problems, pl.asProblem(&r))
			}
			d.Rejected++
			if err := rejected.write(&r, &pl); err != nil {
				return counts, d, groups, err
			}
			continue
		}
		groups := p.groupIDs
		if len(pl.groups) > 0 {
			groups = append([]uint64{}, p.groupIDs...)
			for _, name := range pl.groups {
				gid, ok := p.groupCol[strings.ToLower(name)]
				if !ok {
					ids, err := s.contacts.EnsureGroups(id, &step, []string{name})
					if err != nil {
						return counts, d, groups, err
					}
					if len(ids) == 0 {
						continue
					}
					gid = ids[0]
					p.groupCol[strings.ToLower(name)] = gid
				}
				groups = append(groups, gid)
			}
		}
		row := contacts.ImportRow{Record: pl.rec, AddGroups: groups}
		if pl.existing != nil {
			row.ExistingID = pl.existing.ID
			if pl.outcome == OutcomeUnchanged && len(groups) == 0 {
				counts.Unchanged++
				continue
			}
		}
		batch = append(batch, row)
		if len(batch) == s.batchSize {
			slicesOut <- batch
			select {
			case batch = <-spare:
			default:
				batch = make([]contacts.ImportRow, 0, s.batchSize)
			}
		}
	}
	if err := finish(); err != nil {
		return counts, d, groups, err
	}
	if err := rejected.finish(); err != nil {
		return counts, d, groups, err
	}
	report(true)
	return counts, d, groups, nil
}

// rejectedWriter keeps every row that was not imported, with its reason, as a CSV the
// user can fix and import again. It is created lazily: most imports reject nothing.
type rejectedWriter struct {
	path string
	f    *os.File
	w    *csv.Writer
}

func newRejectedWriter(path string) (*rejectedWriter, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, apperr.Wrap(err, "create import folder")
	}
	os.Remove(path)
	return &rejectedWriter{path: path}, nil
}

func (rw *rejectedWriter) write(r *Record, pl *planned) error {
	if rw.f == nil {
		f, err := os.Create(rw.path)
		if err != nil {
			return apperr.Wrap(err, "write rejected rows")
		}
		rw.f, rw.w = f, csv.NewWriter(f)
		rw.f.WriteString("\ufeff")
		rw.w.UseCRLF = true
		rw.w.Write([]string{"Row", "Name", "Phone", "Email", "Groups", "Reason"})
	}
	reason := pl.outcome + ": " + pl.reason
	if pl.outcome == OutcomeDuplicate {
		reason = fmt.Sprintf("duplicate of row %d", pl.duplicateOf)
	}
	return rw.w.Write([]string{fmt.Sprint(r.Row), r.Name, pl.rawPhone, r.Email, strings.Join(r.Groups, ", "), reason})
}

func (rw *rejectedWriter) finish() error {
	if rw.f == nil {
		return nil
	}
	rw.w.Flush()
	if err := rw.w.Error(); err != nil {
		return apperr.Wrap(err, "write rejected rows")
	}
	return nil
}

func (rw *rejectedWriter) close() {
	if rw.f != nil {
		rw.f.Close()
	}
}
