package bench

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"time"

	"kontak/backend/campaigns"
	"kontak/backend/contacts"
)

// exportTarget is the audience size of the export row.
const exportTarget = 500_000

// campaignRows runs the campaign steps, each in a fresh process, and adds their rows.
func campaignRows(
	step func(string, ...string) ([]stepOutput, []float64, error),
	stat func([]stepOutput, string) (float64, float64),
	add func(Result),
) error {
	outs, _, err := step("audience")
	if err != nil {
		return err
	}
	med, _ := stat(outs, "p50")
	p95 := maxOf(outs, "p95")
	n, _ := stat(outs, "recipients")
	inGroups, _ := stat(outs, "in_groups")
	countMed, _ := stat(outs, "count:p50")
	add(Result{Operation: "audience count + first page, two large overlapping groups", Unit: "ms", Median: med, Worst: p95,
		Target: "≤ 50 ms", Met: p95 <= 50,
		Note: fmt.Sprintf("%.0f recipients of %.0f in the groups, one excluded group; count alone %.2f ms; worst is p95", n, inGroups, countMed)})

	outs, rss, err := step("campaign-export")
	if err != nil {
		return err
	}
	med, worst := stat(outs, "seconds")
	n, _ = stat(outs, "recipients")
	base, _ := stat(outs, "rss_before_mb")
	add(Result{Operation: fmt.Sprintf("export a %.0f-recipient audience (CSV)", n), Unit: "s", Median: med, Worst: worst,
		PeakRSSMB: slices.Max(rss), Target: "reasonably fast, memory-bounded", Met: true,
		Note: fmt.Sprintf("%.0f rows/s; %.0f MB resident before the export, index loaded", n/med, base)})
	return nil
}

// campaignStep measures the audience of the two largest groups, or the CSV export of an
// audience of at least exportTarget recipients, on the benchmark database.
func campaignStep(name, dbDir, dir string, out stepOutput) error {
	db, svc, _, err := openServices(dbDir)
	if err != nil {
		return err
	}
	defer db.Close()
	camp, err := campaigns.New(campaigns.Config{DB: db, Contacts: svc})
	if err != nil {
		return err
	}
	groups, err := svc.Groups().List()
	if err != nil {
		return err
	}
	if len(groups) < 3 {
		return fmt.Errorf("the benchmark data has %d groups, want at least 3", len(groups))
	}
	slices.SortFunc(groups, func(a, b contacts.Group) int { return cmp.Compare(b.Members, a.Members) })
	b := camp.Bound()
	switch name {
	case "audience":
		// The two largest groups overlap (rows have 1–3 of 20 groups); the smallest is
		// excluded, so every kind of bitset work runs.
		a := campaigns.Audience{Include: []uint64{groups[0].ID, groups[1].ID}, Exclude: []uint64{groups[len(groups)-1].ID}}
		var page campaigns.RecipientsPage
		timeIt := func(key string, runs int, fn func() error) error {
			if err := fn(); err != nil { // warm-up: waits for the name order after start-up
				return err
			}
			var ms []float64
			for range runs {
				start := time.Now()
				if err := fn(); err != nil {
					return err
				}
				ms = append(ms, float64(time.Since(start).Microseconds())/1000)
			}
			slices.Sort(ms)
			out[key+"p50"] = ms[len(ms)/2]
			out[key+"p95"] = ms[(len(ms)*95+99)/100-1]
			return nil
		}
		if err := timeIt("", 30, func() error {
			var err error
			page, err = b.Recipients(a, 0, 50)
			return err
		}); err != nil {
			return err
		}
		if err := timeIt("count:", 30, func() error { _, err := b.Count(a); return err }); err != nil {
			return err
		}
		out["recipients"] = float64(page.Count.Recipients)
		out["in_groups"] = float64(page.Count.InGroups)
	case "campaign-export":
		a := campaigns.Audience{}
		for _, g := range groups {
			a.Include = append(a.Include, g.ID)
			c, err := b.Count(a)
			if err != nil {
				return err
			}
			if c.Recipients >= exportTarget {
				break
			}
		}
		it, err := b.Save(0, campaigns.ItemInput{Name: "Bench", Message: "Halo {name|Kak}, promo minggu ini untuk {phone}!", Audience: a})
		if err != nil {
			return err
		}
		runtime.GC()
		debug.FreeOSMemory()
		out["rss_before_mb"] = rssMB()
		path := filepath.Join(dir, "campaign-export.csv")
		defer os.Remove(path)
		start := time.Now()
		o, err := b.Export(campaigns.ExportRequest{ItemID: it.ID, Format: campaigns.FormatCSV, Path: path})
		if err != nil {
			return err
		}
		out["seconds"] = time.Since(start).Seconds()
		out["recipients"] = float64(o.Recipients)
	}
	return nil
}
