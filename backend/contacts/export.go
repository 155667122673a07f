package contacts

import (
	"bytes"
	"context"
	"iter"
	"slices"
	"strings"

	"kontak/backend/apperr"
	"kontak/backend/events"
	"kontak/backend/exporter"
	"kontak/backend/store"
)

// ExportRequest says what to export where: the contacts with the given IDs (a
// selection), or when IDs is empty every contact the query matches (everything, a group,
// or the current search; paging is ignored).
type ExportRequest struct {
	Format string   `json:"format"` // csv, xlsx or vcf
	Path   string   `json:"path"`
	IDs    []uint64 `json:"ids"`
	Query  Query    `json:"query"`
}

// ExportResult tells how many contacts were written, and where.
type ExportResult struct {
	Path    string `json:"path"`
	Written int    `json:"written"`
}

// Export writes contacts to a file atomically: an existing file is replaced only when the
// whole export succeeded.
func (c *Contacts) Export(req ExportRequest) (_ ExportResult, err error) {
	defer apperr.Recover(&err, "export")
	return c.s.Export(context.Background(), req)
}

// Export is Contacts.Export with a context, for the CLI.
func (s *Service) Export(ctx context.Context, req ExportRequest) (ExportResult, error) {
	if err := s.ready(); err != nil {
		return ExportResult{}, err
	}
	format, err := exporter.ParseFormat(req.Format)
	if err != nil {
		return ExportResult{}, err
	}
	if strings.TrimSpace(req.Path) == "" {
		return ExportResult{}, apperr.New(apperr.Invalid, "export.path.empty", "choose where to save the file").OnField("path")
	}
	ids := slices.Clone(req.IDs)
	if len(ids) == 0 {
		if ids, err = s.matchingIDs(req.Query); err != nil {
			return ExportResult{}, err
		}
	}
	// The custom-field columns are the keys of the exported contacts, in order of first
	// appearance, so a first pass reads the records.
	var keys []string
	seen := map[string]bool{}
	for rec, err := range s.records(ids) {
		if err != nil {
			return ExportResult{}, apperr.Wrap(err, "export")
		}
		for _, f := range rec.c.Fields {
			if k := strings.ToLower(f.Key); !seen[k] {
				seen[k] = true
				keys = append(keys, f.Key)
			}
		}
	}
	names := s.groupNames()
	rows := func(yield func(exporter.Contact, error) bool) {
		for rec, err := range s.records(ids) {
			if err != nil {
				yield(exporter.Contact{}, err)
				return
			}
			out := exporter.Contact{Name: rec.c.Name, Phone: rec.c.Phone, Email: rec.c.Email}
			for _, gid := range rec.groups {
				if n, ok := names[gid]; ok {
					out.Groups = append(out.Groups, n)
				}
			}
			for _, f := range rec.c.Fields {
				out.Fields = append(out.Fields, exporter.Field{Key: f.Key, Value: f.Value})
			}
			if !yield(out, nil) {
				return
			}
		}
	}
	n, err := exporter.WriteFile(ctx, req.Path, format, rows, exporter.Options{
		FieldKeys: keys, Total: int64(len(ids)), Progress: exportProgress{s.emit},
	})
	if err != nil {
		return ExportResult{}, err
	}
	return ExportResult{Path: req.Path, Written: n}, nil
}

type exportProgress struct{ emit events.Emitter }

func (p exportProgress) Report(done, total int64) {
	p.emit.Emit(events.ExportProgress, events.ExportProgressPayload{Done: done, Total: total})
}

type recordWithGroups struct {
	c      store.Contact
	groups []uint64
}

// records reads contacts from the store in slices, so a large export holds neither the
// lock nor a transaction for long. Contacts deleted meanwhile are skipped.
func (s *Service) records(ids []uint64) iter.Seq2[recordWithGroups, error] {
	return func(yield func(recordWithGroups, error) bool) {
		for chunk := range slices.Chunk(ids, 500) {
			var batch []recordWithGroups
			s.mu.RLock()
			err := s.db.View(func(t *store.Txn) error {
				for _, id := range chunk {
					c, ok, err := s.liveRecord(t, id)
					if err != nil {
						return err
					}
					if !ok {
						continue
					}
					batch = append(batch, recordWithGroups{c, s.idx.groupsOf(id)})
				}
				return nil
			})
			s.mu.RUnlock()
			if err != nil {
				yield(recordWithGroups{}, err)
				return
			}
			for _, r := range batch {
				if !yield(r, nil) {
					return
				}
			}
		}
	}
}

func (s *Service) groupNames() map[uint64]string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make(map[uint64]string, len(s.idx.groups))
	for id, g := range s.idx.groups {
		out[id] = g.g.Name
	}
	return out
}

// matchingIDs returns every contact the query matches, in the query's order.
func (s *Service) matchingIDs(q Query) ([]uint64, error) {
	var ids []uint64
	err := s.scan(q, func(x *index, f *filter, text *textQuery) {
		x.find(q, f, text, func(sl uint32, _ int) bool {
			ids = append(ids, x.ids[sl])
			return true
		})
	})
	return ids, err
}

// MatchingIDs returns the IDs of the first limit contacts a query matches, in its order;
// bulk actions on "everything that matches" and the benchmark use it.
func (s *Service) MatchingIDs(q Query, limit int) ([]uint64, error) {
	var ids []uint64
	err := s.scan(q, func(x *index, f *filter, text *textQuery) {
		x.find(q, f, text, func(sl uint32, _ int) bool {
			ids = append(ids, x.ids[sl])
			return limit <= 0 || len(ids) < limit
		})
	})
	return ids, err
}

// FloorHaystack builds, from the store, the buffer that performance-floors §6 searches:
// every contact's lower-case name and phone, one per line. The benchmark compares search
// with a bytes.Index scan over it.
func (s *Service) FloorHaystack() ([]byte, error) {
	parts := [2][]byte{}
	err := s.db.EachContactSummary(func(half int, c *store.ContactSummary) error {
		parts[half] = append(parts[half], bytes.ToLower(c.Name)...)
		parts[half] = append(parts[half], 0x1f)
		parts[half] = append(parts[half], c.Phone...)
		parts[half] = append(parts[half], '\n')
		return nil
	})
	return append(parts[0], parts[1]...), err
}
