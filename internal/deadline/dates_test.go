package deadline

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"2026-03-03", "2026-03-03", false},
		{"2024-02-29", "2024-02-29", false},
		{"2000-02-29", "2000-02-29", false},
		{"0001-01-01", "0001-01-01", false},
		{"9999-12-31", "9999-12-31", false},
		{"2025-02-29", "", true},
		{"1900-02-29", "", true},
		{"2026-04-31", "", true},
		{"2026-13-01", "", true},
		{"2026-00-10", "", true},
		{"0000-01-01", "", true},
		{"2026-3-3", "", true},
		{"2026/03/03", "", true},
		{"2026-03-0x", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseDate(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if got.String() != tt.want {
			t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestDateAgainstTime checks the civil-date arithmetic against Go's time
// package for every day of four centuries around today.
func TestDateAgainstTime(t *testing.T) {
	start := time.Date(1850, time.January, 1, 12, 0, 0, 0, time.UTC)
	d := NewDate(1850, time.January, 1)
	for i := 0; i < 146097; i++ {
		tm := start.AddDate(0, 0, i)
		y, m, dd := d.Civil()
		if y != tm.Year() || m != tm.Month() || dd != tm.Day() {
			t.Fatalf("day %d: got %v, want %v", i, d, tm.Format(time.DateOnly))
		}
		if d.Weekday() != tm.Weekday() {
			t.Fatalf("%v: weekday got %v, want %v", d, d.Weekday(), tm.Weekday())
		}
		if got := DateOf(tm); got != d {
			t.Fatalf("DateOf(%v) = %v, want %v", tm, got, d)
		}
		if !d.Time().Equal(time.Date(tm.Year(), tm.Month(), tm.Day(), 0, 0, 0, 0, time.UTC)) {
			t.Fatalf("%v.Time() = %v", d, d.Time())
		}
		d = d.AddDays(1)
	}
}

func TestNewDateNormalises(t *testing.T) {
	tests := []struct {
		y    int
		m    time.Month
		d    int
		want string
	}{
		{2026, time.April, 31, "2026-05-01"},
		{2026, 13, 1, "2027-01-01"},
		{2026, 0, 1, "2025-12-01"},
		{2026, -11, 1, "2025-01-01"},
		{2026, time.March, 0, "2026-02-28"},
		{2024, time.March, 0, "2024-02-29"},
	}
	for _, tt := range tests {
		if got := NewDate(tt.y, tt.m, tt.d).String(); got != tt.want {
			t.Errorf("NewDate(%d, %d, %d) = %v, want %v", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

func TestAddYearsAndMonths(t *testing.T) {
	tests := []struct {
		from   string
		years  int
		months int
		want   string
	}{
		{"2024-02-29", 1, 0, "2025-02-28"},
		{"2024-02-29", 4, 0, "2028-02-29"},
		{"2024-02-29", 2, 0, "2026-02-28"},
		{"2024-02-29", -1, 0, "2023-02-28"},
		{"2096-02-29", 4, 0, "2100-02-28"},
		{"2026-03-03", 1, 0, "2027-03-03"},
		{"2026-01-31", 0, 1, "2026-02-28"},
		{"2024-01-31", 0, 1, "2024-02-29"},
		{"2026-08-31", 0, 3, "2026-11-30"},
		{"2026-11-15", 0, 3, "2027-02-15"},
		{"2026-03-31", 0, -1, "2026-02-28"},
		{"2026-05-10", 0, 8, "2027-01-10"},
	}
	for _, tt := range tests {
		d := day(tt.from)
		var got Date
		if tt.years != 0 {
			got = d.AddYears(tt.years)
		} else {
			got = d.AddMonths(tt.months)
		}
		if got != day(tt.want) {
			t.Errorf("%v + %dy %dm = %v, want %v", tt.from, tt.years, tt.months, got, tt.want)
		}
	}
}

func TestFeb29AnniversaryIsFriday(t *testing.T) {
	got := day("2024-02-29").AddYears(1)
	want := time.Date(2025, time.February, 28, 0, 0, 0, 0, time.UTC)
	if got.Time() != want {
		t.Errorf("got %v, want %v", got, want.Format(time.DateOnly))
	}
	if got.Weekday() != want.Weekday() || want.Weekday() != time.Friday {
		t.Errorf("weekday got %v, want %v (time package says %v)", got.Weekday(), time.Friday, want.Weekday())
	}
}

func TestDateCompare(t *testing.T) {
	a, b := day("2026-03-03"), day("2026-03-08")
	if !a.Before(b) || a.After(b) || !b.After(a) || a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 {
		t.Errorf("comparisons of %v and %v are wrong", a, b)
	}
	if got := a.DaysUntil(b); got != 5 {
		t.Errorf("DaysUntil got %v, want %v", got, 5)
	}
	if !(Date{}).IsZero() || a.IsZero() {
		t.Errorf("IsZero wrong")
	}
	if got := (Date{}).String(); got != "" {
		t.Errorf("zero String got %q, want empty", got)
	}
}

func TestDateJSON(t *testing.T) {
	type doc struct {
		A Date `json:"a"`
		B Date `json:"b"`
	}
	in := doc{A: day("2026-03-03")}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"a":"2026-03-03","b":""}`; got != want {
		t.Errorf("got %v, want %v", got, want)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out != in {
		t.Errorf("got %v, want %v", out, in)
	}
	if err := json.Unmarshal([]byte(`{"a":"2025-02-29"}`), &out); err == nil {
		t.Errorf("got no error for 2025-02-29")
	}
}
