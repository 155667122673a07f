package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"kontak/backend/bench"
)

func runBench(args []string, stdout, stderr io.Writer) error {
	var cfg bench.Config
	var jsonPath string
	var unused string
	fs := newFlagSet("bench", stderr, &unused)
	fs.IntVar(&cfg.Contacts, "contacts", 1_000_000, "rows of the generated data set")
	fs.IntVar(&cfg.Runs, "runs", 3, "runs of each step (median and worst are reported)")
	fs.BoolVar(&cfg.SkipXLSX, "skip-xlsx", false, "skip the XLSX import, the slowest step")
	fs.StringVar(&cfg.Dir, "dir", "", "working folder (default: a temp folder, removed afterwards)")
	fs.StringVar(&jsonPath, "json", "", "also write the table as JSON to this file")
	fs.StringVar(&cfg.Only, "only", "", "run a subset: campaigns (the audience and campaign-export rows, after one import)")
	fs.StringVar(&cfg.UILatency, "ui-latency", "build/bin/ui-latency.json", "the Playwright scale test's measurement to include")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	cfg.Self = self
	rep, err := bench.Run(cfg, stderr)
	if err != nil {
		return err
	}
	bench.Print(stdout, rep)
	if jsonPath != "" {
		b, _ := json.MarshalIndent(rep, "", "  ")
		if err := os.WriteFile(jsonPath, append(b, '\n'), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", jsonPath, err)
		}
	}
	return nil
}
