package importer

import (
	"errors"
	"io"
	"path/filepath"

	"kontak/backend/apperr"
)

// FileInfo is what the mapping screen shows about a file before anything is imported.
type FileInfo struct {
	Path       string     `json:"path"`
	File       string     `json:"file"`
	Format     string     `json:"format"`
	Profile    string     `json:"profile"`
	Encoding   string     `json:"encoding"`
	Delimiter  string     `json:"delimiter"`
	Sheets     []string   `json:"sheets"`
	Sheet      string     `json:"sheet"`
	HeaderRow  int        `json:"headerRow"`
	Header     []string   `json:"header"`
	Sample     [][]string `json:"sample"`
	Mapping    Mapping    `json:"mapping"`
	Remembered bool       `json:"remembered"` // the mapping is the one used last time for this header
	Size       int64      `json:"size"`
}

// PreviewRow is one row of the preview table.
type PreviewRow struct {
	Row          int      `json:"row"`
	Name         string   `json:"name"`
	Phone        string   `json:"phone"`   // as written in the file
	Display      string   `json:"display"` // the normalised number, when valid
	Email        string   `json:"email"`
	Groups       []string `json:"groups"`
	Outcome      string   `json:"outcome"`
	Reason       string   `json:"reason"`
	DuplicateOf  int      `json:"duplicateOf,omitempty"`
	ExistingName string   `json:"existingName,omitempty"`
}

// Preview is a dry run over the whole file: the first rows with their outcomes and the
// counts for every row. Nothing is written.
type Preview struct {
	File     FileInfo     `json:"file"`
	Rows     []PreviewRow `json:"rows"`
	Counts   Counts       `json:"counts"`
	Problems []Problem    `json:"problems"`
}

// previewRows is how many rows the preview table shows.
const previewRows = 200

func (s *Service) inspect(path string, o OpenOptions) (FileInfo, *Source, error) {
	if err := s.ready(); err != nil {
		return FileInfo{}, nil, err
	}
	src, err := Open(path, o)
	if err != nil {
		return FileInfo{}, nil, err
	}
	info := FileInfo{
		Path: path, File: filepath.Base(path), Format: string(src.Format), Profile: string(src.Profile),
		Encoding: src.Encoding, Delimiter: src.Delimiter, Sheets: src.Sheets, Sheet: src.Sheet,
		HeaderRow: src.HeaderRow, Header: src.Header, Mapping: src.Suggested, Size: src.Size,
	}
	if rm, ok := s.rememberedMapping(src.Header); ok && src.Format != FormatVCard {
		info.Mapping, info.Remembered = rm, true
	}
	if info.Sample, err = src.Sample(5); err != nil {
		src.Close()
		return FileInfo{}, nil, err
	}
	if info.Sample == nil {
		info.Sample = [][]string{}
	}
	if info.Header == nil {
		info.Header = []string{}
	}
	if info.Sheets == nil {
		info.Sheets = []string{}
	}
	if info.Mapping.Columns == nil {
		info.Mapping.Columns = []ColumnMap{}
	}
	return info, src, nil
}

// Inspect opens a file and tells how it will be read: its format, encoding, delimiter,
// sheets, header, a sample and the suggested mapping.
func (s *Service) Inspect(path string, o OpenOptions) (FileInfo, error) {
	info, src, err := s.inspect(path, o)
	if err != nil {
		return FileInfo{}, err
	}
	return info, src.Close()
}

// Preview runs the import without writing: every row is read, normalised and checked
// against the file's earlier rows and the stored contacts.
func (s *Service) Preview(o Options) (Preview, error) {
	if err := normaliseOptions(&o); err != nil {
		return Preview{}, err
	}
	info, src, err := s.inspect(o.Path, o.Open)
	if err != nil {
		return Preview{}, err
	}
	defer src.Close()
	m, err := s.mappingFor(src, o.Mapping)
	if err != nil {
		return Preview{}, err
	}
	if err := checkMapping(src, m); err != nil {
		return Preview{}, err
	}
	info.Mapping = m
	p := newPlanner(s, o)
	p.groupIDs = o.GroupIDs
	recs, err := src.Records(m)
	if err != nil {
		return Preview{}, err
	}
	defer recs.Close()
	out := Preview{File: info, Rows: []PreviewRow{}, Problems: []Problem{}}
	for {
		r, err := recs.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Preview{}, err
		}
		out.Counts.Read++
		pl, err := p.plan(&r)
		if err != nil {
			return Preview{}, apperr.Wrap(err, "preview")
		}
		out.Counts.add(pl.outcome)
		if len(out.Rows) < previewRows {
			row := PreviewRow{Row: r.Row, Name: r.Name, Phone: pl.rawPhone, Display: pl.display, Email: r.Email,
				Groups: r.Groups, Outcome: pl.outcome, Reason: pl.reason, DuplicateOf: pl.duplicateOf}
			if row.Groups == nil {
				row.Groups = []string{}
			}
			if pl.existing != nil {
				row.ExistingName = pl.existing.Name
			}
			out.Rows = append(out.Rows, row)
		}
		if pl.problem() && len(out.Problems) < maxProblems {
			out.Problems = append(out.Problems, pl.asProblem(&r))
		}
	}
	return out, nil
}

func (pl *planned) problem() bool {
	switch pl.outcome {
	case OutcomeDuplicate, OutcomeInvalid, OutcomeLossy, OutcomeEmpty:
		return true
	}
	return false
}

func (pl *planned) asProblem(r *Record) Problem {
	return Problem{Row: r.Row, Outcome: pl.outcome, Reason: pl.reason, Name: r.Name, Phone: pl.rawPhone, DuplicateOf: pl.duplicateOf}
}
