package bench

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"text/tabwriter"
	"time"

	"kontak/backend/contacts"
	"kontak/backend/importer"
	"kontak/backend/phone"
	"kontak/backend/settings"
	"kontak/backend/store"
)

// Config says how big the benchmark is and where it works.
type Config struct {
	Contacts int    // rows of the generated files; the database gets about 97% of them
	Runs     int    // repetitions of each process-level step
	Dir      string // working folder; "" means a temp folder, removed afterwards
	SkipXLSX bool   // the XLSX import takes longest; skip it for a quick run
	Self     string // this executable, run again for each fresh-process step
	// UILatency is the JSON file the Playwright scale test writes (keystroke to updated
	// list in the real interface); its figures join the table when it exists.
	UILatency string
	// Only runs a subset: "campaigns" generates the data, imports it and runs the
	// audience and campaign-export steps alone; "" runs everything.
	Only string
}

// Result is one line of the table.
type Result struct {
	Operation string  `json:"operation"`
	Unit      string  `json:"unit"`
	Median    float64 `json:"median"`
	Worst     float64 `json:"worst"`
	PeakRSSMB float64 `json:"peakRssMb"`
	Floor     float64 `json:"floor,omitempty"`
	Ratio     float64 `json:"ratio,omitempty"`
	Target    string  `json:"target"`
	Met       bool    `json:"met"`
	Note      string  `json:"note,omitempty"`
}

// Report is the whole benchmark.
type Report struct {
	Machine  string   `json:"machine"`
	Contacts int      `json:"contacts"`
	Runs     int      `json:"runs"`
	Results  []Result `json:"results"`
}

// stepOutput is what a step process prints: named measurements.
type stepOutput map[string]float64

// Run runs the benchmark and returns its report; progress goes to log.
func Run(cfg Config, log io.Writer) (Report, error) {
	if cfg.Runs < 1 {
		cfg.Runs = 3
	}
	dir := cfg.Dir
	if dir == "" {
		d, err := os.MkdirTemp("", "kontak-bench-")
		if err != nil {
			return Report{}, err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	rep := Report{Machine: Machine(), Contacts: cfg.Contacts, Runs: cfg.Runs}
	csvPath, xlsxPath := filepath.Join(dir, "contacts.csv"), filepath.Join(dir, "contacts.xlsx")
	fmt.Fprintf(log, "generating %d rows…\n", cfg.Contacts)
	if err := WriteCSV(csvPath, cfg.Contacts); err != nil {
		return rep, fmt.Errorf("write csv: %w", err)
	}
	if !cfg.SkipXLSX && cfg.Only == "" {
		if err := WriteXLSX(xlsxPath, cfg.Contacts); err != nil {
			return rep, fmt.Errorf("write xlsx: %w", err)
		}
	}

	step := func(name string, args ...string) ([]stepOutput, []float64, error) {
		var outs []stepOutput
		var rss []float64
		for i := range cfg.Runs {
			fmt.Fprintf(log, "  %s (run %d of %d)…\n", name, i+1, cfg.Runs)
			out, peak, err := runStep(cfg.Self, name, append([]string{"--dir", dir, "--contacts", strconv.Itoa(cfg.Contacts)}, args...)...)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", name, err)
			}
			outs, rss = append(outs, out), append(rss, peak)
		}
		return outs, rss, nil
	}
	stat := func(outs []stepOutput, key string) (med, worst float64) {
		var xs []float64
		for _, o := range outs {
			xs = append(xs, o[key])
		}
		slices.Sort(xs)
		return xs[len(xs)/2], xs[len(xs)-1]
	}
	add := func(r Result) {
		if r.Floor > 0 {
			r.Ratio = r.Median / r.Floor
		}
		rep.Results = append(rep.Results, r)
	}
	switch cfg.Only {
	case "":
	case "campaigns":
		// One import makes the database the campaign steps read.
		fmt.Fprintln(log, "  import (once, for the campaign steps)…")
		if _, _, err := runStep(cfg.Self, "import", "--dir", dir, "--contacts", strconv.Itoa(cfg.Contacts), csvPath, "--keep"); err != nil {
			return rep, fmt.Errorf("import: %w", err)
		}
		err := campaignRows(step, stat, add)
		return rep, err
	default:
		return rep, fmt.Errorf("unknown subset %q: use campaigns", cfg.Only)
	}

	// Phone normalisation runs in this process: it is a per-number cost.
	ns, allocs := benchNormalize()
	rep.Results = append(rep.Results, Result{Operation: "normalise one phone (fast path)", Unit: "ns",
		Median: ns, Worst: ns, Target: "≤ 100 ns, 0 allocs", Met: ns <= 100 && allocs == 0,
		Note: fmt.Sprintf("%.0f allocs", allocs)})

	floorOuts, floorRSS, err := step("floor-import", csvPath)
	if err != nil {
		return rep, err
	}
	floorImport, _ := stat(floorOuts, "seconds")
	add(Result{Operation: "floor: encoding/csv + Badger WriteBatch", Unit: "s", Median: floorImport,
		Worst: maxOf(floorOuts, "seconds"), PeakRSSMB: slices.Max(floorRSS), Target: "—", Met: true})

	outs, rss, err := step("preview", csvPath)
	if err != nil {
		return rep, err
	}
	med, worst := stat(outs, "seconds")
	add(Result{Operation: "dry run (preview) of the CSV", Unit: "s", Median: med, Worst: worst,
		PeakRSSMB: slices.Max(rss), Target: "≤ 3 s", Met: med <= 3})

	outs, rss, err = step("import", csvPath)
	if err != nil {
		return rep, err
	}
	med, worst = stat(outs, "seconds")
	created, _ := stat(outs, "created")
	add(Result{Operation: "import the CSV (normalise, dedupe, write)", Unit: "s", Median: med, Worst: worst,
		PeakRSSMB: slices.Max(rss), Floor: floorImport, Target: "≤ 10 s, ≤ 400 MB",
		Met:  med <= 10 && slices.Max(rss) <= 400,
		Note: fmt.Sprintf("%.0f rows/s, %.0f contacts created", float64(cfg.Contacts)/med, created)})

	if !cfg.SkipXLSX {
		outs, rss, err = step("import", xlsxPath)
		if err != nil {
			return rep, err
		}
		med, worst = stat(outs, "seconds")
		add(Result{Operation: "import the XLSX (shared strings)", Unit: "s", Median: med, Worst: worst,
			PeakRSSMB: slices.Max(rss), Floor: floorImport, Target: "≤ 20 s", Met: med <= 20,
			Note: fmt.Sprintf("%.0f rows/s", float64(cfg.Contacts)/med)})
	}

	// The steps below use the database the last CSV import left ("db").
	if _, _, err := step("import", csvPath, "--keep"); err != nil {
		return rep, err
	}
	floorOuts, _, err = step("floor-open")
	if err != nil {
		return rep, err
	}
	floorOpen, _ := stat(floorOuts, "seconds")
	outs, rss, err = step("open")
	if err != nil {
		return rep, err
	}
	med, worst = stat(outs, "seconds")
	n, _ := stat(outs, "contacts")
	add(Result{Operation: fmt.Sprintf("open with %.0f contacts, first page shown", n), Unit: "s", Median: med,
		Worst: worst, PeakRSSMB: slices.Max(rss), Floor: floorOpen, Target: "≤ 1.5 s", Met: med <= 1.5,
		Note: "floor: Badger key-only scan of the contacts"})
	idle, _ := stat(outs, "idle_rss_mb")
	add(Result{Operation: "memory when idle", Unit: "MB", Median: idle, Worst: maxOf(outs, "idle_rss_mb"),
		PeakRSSMB: slices.Max(rss), Target: "≤ 500 MB", Met: idle <= 500})

	outs, _, err = step("search")
	if err != nil {
		return rep, err
	}
	for _, q := range searchQueries {
		key := "q:" + q
		p95 := maxOf(outs, key+":p95")
		med, _ := stat(outs, key+":p50")
		floor, _ := stat(outs, key+":floor")
		matches, _ := stat(outs, key+":matches")
		add(Result{Operation: fmt.Sprintf("search %q: count + first page", q), Unit: "ms", Median: med, Worst: p95,
			Floor: floor, Target: "≤ 25 ms (p95)", Met: p95 <= 25, Note: fmt.Sprintf("%.0f matches; worst is p95", matches)})
	}
	pageMed, _ := stat(outs, "page:p50")
	add(Result{Operation: "list page of 100 at any offset", Unit: "ms", Median: pageMed, Worst: maxOf(outs, "page:p95"),
		Target: "≤ 10 ms", Met: maxOf(outs, "page:p95") <= 10})
	for _, k := range []string{"group-any", "group-none", "no-group"} {
		m, _ := stat(outs, "filter:"+k+":p50")
		add(Result{Operation: "filter " + k + ": count + first page", Unit: "ms", Median: m, Worst: maxOf(outs, "filter:"+k+":p95"),
			Target: "≤ 25 ms (p95)", Met: maxOf(outs, "filter:"+k+":p95") <= 25})
	}

	outs, rss, err = step("bulk-add")
	if err != nil {
		return rep, err
	}
	med, worst = stat(outs, "seconds")
	add(Result{Operation: "bulk-add 100,000 contacts to a group", Unit: "s", Median: med, Worst: worst,
		PeakRSSMB: slices.Max(rss), Target: "≤ 2 s", Met: med <= 2})
	if err := campaignRows(step, stat, add); err != nil {
		return rep, err
	}
	if r, ok := readUILatency(cfg.UILatency); ok {
		add(r)
	}
	return rep, nil
}

// readUILatency turns the Playwright scale test's measurement into a row.
func readUILatency(path string) (Result, bool) {
	if path == "" {
		return Result{}, false
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return Result{}, false
	}
	var m struct {
		Contacts float64 `json:"contacts"`
		MedianMs float64 `json:"medianMs"`
		WorstMs  float64 `json:"worstMs"`
		Date     string  `json:"date"`
	}
	if json.Unmarshal(b, &m) != nil || m.MedianMs == 0 {
		return Result{}, false
	}
	return Result{Operation: fmt.Sprintf("UI: keystroke to updated list (Playwright, %.0f contacts)", m.Contacts),
		Unit: "ms", Median: m.MedianMs, Worst: m.WorstMs, Target: "reported", Met: true,
		Note: "from " + path + ", " + m.Date}, true
}

func maxOf(outs []stepOutput, key string) float64 {
	m := 0.0
	for _, o := range outs {
		m = max(m, o[key])
	}
	return m
}

// runStep runs one step in a fresh process and returns what it printed and its peak RSS.
func runStep(self, name string, args ...string) (stepOutput, float64, error) {
	cmd := exec.Command(self, append([]string{"bench-step", name}, args...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return nil, 0, fmt.Errorf("%v: %s", err, strings.TrimSpace(errOut.String()))
	}
	var res stepOutput
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		return nil, 0, fmt.Errorf("step output %q: %w", out.String(), err)
	}
	rss := 0.0
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = float64(ru.Maxrss) / 1024 // KiB on Linux
	}
	return res, rss, nil
}

var searchQueries = []string{"a", "budi", "siti santoso", "0812", "62812", "0812 3456", "+62 813", "anx", "6281x", "xyz-no-match"}

func benchNormalize() (nsPerOp, allocs float64) {
	n, _ := phone.New("ID")
	g := NewGenerator()
	inputs := make([]string, 4096)
	for i := range inputs {
		inputs[i] = g.Next().Phone
	}
	var buf []byte
	r := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for i := range b.N {
			buf, _ = n.AppendCanonical(buf[:0], inputs[i%len(inputs)])
		}
	})
	return float64(r.NsPerOp()), float64(r.AllocsPerOp())
}

// Machine describes the computer the figures come from.
func Machine() string {
	model := ""
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "model name") {
				model = strings.TrimSpace(line[strings.IndexByte(line, ':')+1:])
				break
			}
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		f := strings.Fields(string(b))
		if len(f) > 1 {
			if kb, err := strconv.ParseFloat(f[1], 64); err == nil {
				mem = fmt.Sprintf(", %.0f GiB", kb/1024/1024)
			}
		}
	}
	return fmt.Sprintf("%d cores %s%s, %s, %s/%s", runtime.NumCPU(), model, mem, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// Print writes the report as a table.
func Print(w io.Writer, rep Report) {
	fmt.Fprintf(w, "Kontak benchmark: %d rows, %d runs per step\nmachine: %s\n\n", rep.Contacts, rep.Runs, rep.Machine)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "operation\tmedian\tworst\tpeak RSS\tfloor\tratio\ttarget\tmet\tnote")
	for _, r := range rep.Results {
		floor, ratio, rss := "—", "—", "—"
		if r.Floor > 0 {
			floor, ratio = fmt.Sprintf("%.3g %s", r.Floor, r.Unit), fmt.Sprintf("%.2f×", r.Ratio)
		}
		if r.PeakRSSMB > 0 {
			rss = fmt.Sprintf("%.0f MB", r.PeakRSSMB)
		}
		met := "yes"
		if !r.Met {
			met = "NO"
		}
		fmt.Fprintf(tw, "%s\t%.3g %s\t%.3g %s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Operation, r.Median, r.Unit, r.Worst, r.Unit,
			rss, floor, ratio, r.Target, met, r.Note)
	}
	tw.Flush()
}

// rssMB reads the resident size of this process now.
func rssMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

type rules struct{ n *phone.Normalizer }

func (r rules) Normalizer() *phone.Normalizer { return r.n }

// openServices opens the benchmark database with the app's own services.
func openServices(dir string) (*store.DB, *contacts.Service, *importer.Service, error) {
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		return nil, nil, nil, err
	}
	set, err := settings.New(db, nil)
	if err != nil {
		return nil, nil, nil, err
	}
	r := settings.PhoneRules(set)
	svc, err := contacts.New(db, r, contacts.Options{})
	if err != nil {
		return nil, nil, nil, err
	}
	imp, err := importer.New(importer.Config{DB: db, Contacts: svc, Phones: r, Dir: filepath.Join(dir, "imports")})
	if err != nil {
		return nil, nil, nil, err
	}
	return db, svc, imp, nil
}

// Step runs one step in this process and prints its measurements as JSON.
func Step(name string, args []string, stdout io.Writer) error {
	var dir string
	var keep bool
	var rest []string
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "--dir":
			i++
			dir = args[i]
		case "--contacts":
			i++
		case "--keep":
			keep = true
		default:
			rest = append(rest, args[i])
		}
	}
	out := stepOutput{}
	dbDir := filepath.Join(dir, "db")
	switch name {
	case "floor-import":
		tmp := filepath.Join(dir, "floor-db")
		os.RemoveAll(tmp)
		defer os.RemoveAll(tmp)
		start := time.Now()
		if err := floorImport(rest[0], tmp); err != nil {
			return err
		}
		out["seconds"] = time.Since(start).Seconds()
	case "preview", "import":
		target := dbDir
		if !keep {
			target = filepath.Join(dir, "import-db")
			defer os.RemoveAll(target)
		}
		os.RemoveAll(target)
		start := time.Now()
		db, _, imp, err := openServices(target)
		if err != nil {
			return err
		}
		if name == "preview" {
			p, err := imp.Preview(importer.Options{Path: rest[0]})
			if err != nil {
				return err
			}
			out["created"] = float64(p.Counts.Created)
		} else {
			r, err := imp.Run(context.Background(), importer.Options{Path: rest[0]}, nil)
			if err != nil {
				return err
			}
			out["created"] = float64(r.Created)
		}
		if err := db.Close(); err != nil {
			return err
		}
		out["seconds"] = time.Since(start).Seconds()
	case "floor-open":
		start := time.Now()
		db, err := store.Open(dbDir, store.Options{})
		if err != nil {
			return err
		}
		n, err := db.FloorKeyScan()
		if err != nil {
			return err
		}
		out["seconds"] = time.Since(start).Seconds()
		out["contacts"] = float64(n)
		db.Close()
	case "open":
		start := time.Now()
		db, svc, _, err := openServices(dbDir)
		if err != nil {
			return err
		}
		page, err := svc.Contacts().List(contacts.Query{Limit: 50})
		if err != nil {
			return err
		}
		out["seconds"] = time.Since(start).Seconds()
		out["contacts"] = float64(page.Total)
		runtime.GC()
		debug.FreeOSMemory()
		out["idle_rss_mb"] = rssMB()
		db.Close()
	case "search":
		db, svc, _, err := openServices(dbDir)
		if err != nil {
			return err
		}
		defer db.Close()
		if err := benchSearch(svc, out); err != nil {
			return err
		}
	case "bulk-add":
		db, svc, _, err := openServices(dbDir)
		if err != nil {
			return err
		}
		defer db.Close()
		g, err := svc.Groups().Create(contacts.GroupInput{Name: fmt.Sprintf("Bulk %d", time.Now().UnixNano())})
		if err != nil {
			return err
		}
		page, err := svc.Contacts().List(contacts.Query{Limit: 1})
		if err != nil {
			return err
		}
		_ = page
		ids, err := svc.MatchingIDs(contacts.Query{Sort: contacts.SortNewest}, 100_000)
		if err != nil {
			return err
		}
		start := time.Now()
		n, err := svc.Contacts().AddToGroup(ids, g.ID)
		if err != nil {
			return err
		}
		out["seconds"] = time.Since(start).Seconds()
		out["added"] = float64(n)
	case "audience", "campaign-export":
		if err := campaignStep(name, dbDir, dir, out); err != nil {
			return err
		}
	default:
		return fmt.Errorf("unknown step %q", name)
	}
	return json.NewEncoder(stdout).Encode(out)
}

// floorImport reads the CSV with encoding/csv and writes every row through one Badger
// WriteBatch: the import's floor, without normalising, deduplicating or undo.
func floorImport(csvPath, dir string) error {
	f, err := os.Open(csvPath)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil {
		return err
	}
	var readErr error
	id := uint64(0)
	err = store.FloorWriteBatch(dir, func(yield func(store.Contact) bool) {
		for {
			rec, err := r.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				readErr = err
				return
			}
			id++
			if !yield(store.Contact{ID: id, Name: rec[0], OriginalName: rec[0], Phone: rec[1] + strconv.FormatUint(id, 10), Email: rec[2]}) {
				return
			}
		}
	})
	if err != nil {
		return err
	}
	return readErr
}

func benchSearch(svc *contacts.Service, out stepOutput) error {
	timeIt := func(key string, runs int, fn func() error) error {
		if err := fn(); err != nil { // warm-up
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
		out[key+":p50"] = ms[len(ms)/2]
		out[key+":p95"] = ms[(len(ms)*95+99)/100-1]
		return nil
	}
	floorHay, err := svc.FloorHaystack()
	if err != nil {
		return err
	}
	for _, q := range searchQueries {
		var total int
		if err := timeIt("q:"+q, 20, func() error {
			p, err := svc.Contacts().List(contacts.Query{Text: q, Limit: 50})
			total = p.Total
			return err
		}); err != nil {
			return err
		}
		out["q:"+q+":matches"] = float64(total)
		pattern := []byte(strings.ToLower(q))
		var ms []float64
		for range 5 {
			start := time.Now()
			floorCount(floorHay, pattern)
			ms = append(ms, float64(time.Since(start).Microseconds())/1000)
		}
		slices.Sort(ms)
		out["q:"+q+":floor"] = ms[len(ms)/2]
	}
	first, err := svc.Contacts().List(contacts.Query{Limit: 1})
	if err != nil {
		return err
	}
	n := first.Total
	offsets := []int{0, 100, n / 4, n / 2, 3 * n / 4, max(0, n-100)}
	i := 0
	if err := timeIt("page", 30, func() error {
		_, err := svc.Contacts().List(contacts.Query{Offset: offsets[i%len(offsets)], Limit: 100})
		i++
		return err
	}); err != nil {
		return err
	}
	groups, err := svc.Groups().List()
	if err != nil || len(groups) < 3 {
		return err
	}
	g := []uint64{groups[0].ID, groups[1].ID, groups[2].ID}
	filters := map[string]contacts.Query{
		"group-any":  {GroupIDs: g, GroupMode: contacts.GroupsAny, Limit: 50},
		"group-none": {GroupIDs: g, GroupMode: contacts.GroupsNone, Limit: 50, Sort: contacts.SortNewest},
		"no-group":   {NoGroup: true, Limit: 50},
	}
	for name, q := range filters {
		if err := timeIt("filter:"+name, 20, func() error {
			_, err := svc.Contacts().List(q)
			return err
		}); err != nil {
			return err
		}
	}
	return nil
}

// floorCount is performance-floors §6's concatenated-buffer scan: count the records that
// contain pattern with bytes.Index, skipping to the next record after each hit.
func floorCount(hay, pattern []byte) int {
	n := 0
	for off := 0; off < len(hay); {
		j := bytes.Index(hay[off:], pattern)
		if j < 0 {
			break
		}
		n++
		e := bytes.IndexByte(hay[off+j:], '\n')
		if e < 0 {
			break
		}
		off += j + e + 1
	}
	return n
}
