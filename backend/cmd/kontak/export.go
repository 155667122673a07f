package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"kontak/backend/apperr"
	"kontak/backend/contacts"
)

func runExport(dataDir string, args []string, stdout, stderr io.Writer) (err error) {
	var format, group, out, search string
	fs := newFlagSet("export", stderr, &dataDir)
	fs.StringVar(&format, "format", "csv", "csv, xlsx or vcf")
	fs.StringVar(&group, "group", "", "only the contacts of this group")
	fs.StringVar(&search, "search", "", "only the contacts this search finds")
	fs.StringVar(&out, "o", "", "the file to write (required)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("unexpected argument %q: %w", rest[0], errUsage)
	}
	if out == "" {
		return fmt.Errorf("export needs -o FILE: %w", errUsage)
	}
	s, err := open(dataDir)
	if err != nil {
		return err
	}
	defer s.close(&err)
	q := contacts.Query{Text: search}
	if group != "" {
		g, ok := s.svc.GroupByName(group)
		if !ok {
			return apperr.New(apperr.NotFound, "group.not_found", fmt.Sprintf("there is no group named %q", group))
		}
		q.GroupID = g.ID
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := s.svc.Export(ctx, contacts.ExportRequest{Format: format, Path: out, Query: q})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d contacts to %s\n", res.Written, res.Path)
	return nil
}
