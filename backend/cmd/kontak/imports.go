package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"text/tabwriter"
	"time"

	"kontak/backend/importer"
)

func openImporter(dataDir string) (*session, *importer.Service, error) {
	s, err := open(dataDir)
	if err != nil {
		return nil, nil, err
	}
	dir := ""
	if dataDir != "" {
		dir = dataDir + string(os.PathSeparator) + "imports"
	} else if d, derr := dataDirOrDefault(); derr == nil {
		dir = d + string(os.PathSeparator) + "imports"
	}
	im, err := importer.New(importer.Config{DB: s.db, Contacts: s.svc, Phones: s.rules(), Dir: dir})
	if err != nil {
		s.db.Close()
		return nil, nil, err
	}
	return s, im, nil
}

// stderrProgress prints a progress line about once a second, for people watching a
// large import in a terminal.
type stderrProgress struct {
	w    io.Writer
	last time.Time
}

func (p *stderrProgress) Report(i importer.ProgressInfo) {
	if time.Since(p.last) < time.Second && i.Phase != "done" {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "\r%s: %d rows, %.0f%%, %.0f rows/s   ", i.Phase, i.Rows, i.Percent, i.RowsPerSec)
	if i.Phase == "done" {
		fmt.Fprintln(p.w)
	}
}

func runImport(dataDir string, args []string, stdout, stderr io.Writer) (err error) {
	var groups stringList
	var existing, sheet, delimiter string
	var dryRun, asJSON, replaceNames bool
	fs := newFlagSet("import", stderr, &dataDir)
	fs.Var(&groups, "group", "put every imported contact in this group (created when missing); repeat for several")
	fs.StringVar(&existing, "existing", importer.ExistingFill, "what to do with contacts that exist: skip, fill or overwrite")
	fs.BoolVar(&replaceNames, "replace-names", false, "a name in the file replaces an existing contact's name")
	fs.StringVar(&sheet, "sheet", "", "XLSX sheet (default: the first with data)")
	fs.StringVar(&delimiter, "delimiter", "", "CSV delimiter (default: detected)")
	fs.BoolVar(&dryRun, "dry-run", false, "read and check the whole file, write nothing")
	fs.BoolVar(&asJSON, "json", false, "print the report as one JSON object")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return fmt.Errorf("import takes one FILE: %w", errUsage)
	}
	s, im, err := openImporter(dataDir)
	if err != nil {
		return err
	}
	defer s.close(&err)

	o := importer.Options{Path: rest[0], Existing: existing, ReplaceNames: replaceNames,
		Open: importer.OpenOptions{Sheet: sheet, Delimiter: delimiter}}
	for _, g := range groups {
		if found, ok := s.svc.GroupByName(g); ok {
			o.GroupIDs = append(o.GroupIDs, found.ID)
		} else {
			o.NewGroups = append(o.NewGroups, g)
		}
	}
	if dryRun {
		p, err := im.Preview(o)
		if err != nil {
			return err
		}
		rep := importer.Report{File: p.File.File, Path: p.File.Path, Format: p.File.Format, State: "dry-run",
			Counts: p.Counts, Problems: p.Problems, Groups: []uint64{}}
		return printReport(rep, asJSON, stdout)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var progress importer.Progress
	if !asJSON {
		progress = &stderrProgress{w: stderr}
	}
	rep, err := im.Run(ctx, o, progress)
	if err != nil {
		return err
	}
	return printReport(rep, asJSON, stdout)
}

func printReport(rep importer.Report, asJSON bool, stdout io.Writer) error {
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	fmt.Fprintf(stdout, "%s: %s\n", rep.File, rep.State)
	fmt.Fprintf(stdout, "read %d, created %d, updated %d, unchanged %d, duplicates %d, invalid %d, lossy %d, empty %d\n",
		rep.Read, rep.Created, rep.Updated, rep.Unchanged, rep.Duplicates, rep.Invalid, rep.Lossy, rep.Empty)
	for i, p := range rep.Problems {
		if i == 20 {
			fmt.Fprintf(stdout, "… and %d more problem rows\n", len(rep.Problems)-20)
			break
		}
		fmt.Fprintf(stdout, "  row %d: %s (%s) %q\n", p.Row, p.Outcome, p.Reason, p.Phone)
	}
	if rep.ImportID != 0 {
		fmt.Fprintf(stdout, "import %d; undo with: kontak imports undo %d\n", rep.ImportID, rep.ImportID)
	}
	return nil
}

func runImports(dataDir string, args []string, stdout, stderr io.Writer) (err error) {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	switch args[0] {
	case "list":
		var asJSON bool
		fs := newFlagSet("imports list", stderr, &dataDir)
		fs.BoolVar(&asJSON, "json", false, "one JSON object per import per line")
		if _, err := parse(fs, args[1:]); err != nil {
			return err
		}
		s, im, err := openImporter(dataDir)
		if err != nil {
			return err
		}
		defer s.close(&err)
		reps, err := im.History()
		if err != nil {
			return err
		}
		if asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetEscapeHTML(false)
			for _, r := range reps {
				r.Problems = nil
				if err := enc.Encode(r); err != nil {
					return err
				}
			}
			return nil
		}
		tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "BATCH\tFILE\tSTATE\tREAD\tCREATED\tUPDATED\tWHEN")
		for _, r := range reps {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%d\t%s\n", r.ImportID, r.File, r.State, r.Read, r.Created, r.Updated,
				time.UnixMilli(r.StartedAt).Format("2006-01-02 15:04"))
		}
		return tw.Flush()
	case "undo":
		fs := newFlagSet("imports undo", stderr, &dataDir)
		rest, err := parse(fs, args[1:])
		if err != nil {
			return err
		}
		if len(rest) != 1 {
			return fmt.Errorf("imports undo takes one BATCH: %w", errUsage)
		}
		id, perr := strconv.ParseUint(rest[0], 10, 64)
		if perr != nil {
			return fmt.Errorf("BATCH must be a number, not %q: %w", rest[0], errUsage)
		}
		s, im, err := openImporter(dataDir)
		if err != nil {
			return err
		}
		defer s.close(&err)
		res, err := im.Undo(id)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(stdout)
		return enc.Encode(res)
	}
	fmt.Fprintf(stderr, "unknown imports command %q\n\n%s", args[0], usage)
	return errUsage
}
