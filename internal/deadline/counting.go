package deadline

import "fmt"

// Unit is how a rule's offset is counted. Every unit counts from the day
// after the trigger: arrived 3 March + 5 days = 8 March.
type Unit string

// The counting units a rule may use.
const (
	// CalendarDays counts every day, weekends and holidays included.
	CalendarDays Unit = "calendar_days"
	// BusinessDays counts only days federal offices are open (see
	// IsBusinessDay).
	BusinessDays Unit = "business_days"
	// ClockDays counts calendar days except days inside applicant-caused
	// pauses: the asylum work-permit clock of 8 CFR 208.7.
	ClockDays Unit = "clock_days"
	// Months counts calendar months; a missing day (31 April) becomes the
	// last day of the month.
	Months Unit = "months"
	// Years counts calendar years; 29 February becomes 28 February in a
	// year without it.
	Years Unit = "years"
)

func (u Unit) valid() bool {
	switch u {
	case CalendarDays, BusinessDays, ClockDays, Months, Years:
		return true
	}
	return false
}

// Roll says what happens when the last day of a period is not a business
// day.
type Roll string

// The roll conventions a rule may use.
const (
	// NoRoll keeps the last day as counted, even on a weekend or holiday.
	NoRoll Roll = "none"
	// NextBusinessDay moves a last day that falls on a Saturday, Sunday or
	// federal holiday to the next business day. Only rules whose source says
	// so use it (the I-589 one-year deadline and the BIA appeal).
	NextBusinessDay Roll = "next_business_day"
)

func (r Roll) valid() bool { return r == NoRoll || r == NextBusinessDay }

// Counting is the arithmetic of one rule: an offset, its unit and the roll.
// A negative Offset counts backwards from the trigger ("30 days before the
// hearing"); such rules never roll, so their date stays before the trigger.
type Counting struct {
	Offset int  `json:"offset"`
	Unit   Unit `json:"unit"`
	Roll   Roll `json:"roll"`
}

// String describes c for logs and tests, e.g. "30 calendar_days, next_business_day".
func (c Counting) String() string {
	if c.Roll == NextBusinessDay {
		return fmt.Sprintf("%+d %s, %s", c.Offset, c.Unit, c.Roll)
	}
	return fmt.Sprintf("%+d %s", c.Offset, c.Unit)
}

// Backward reports whether c counts back from its trigger, so that its date
// is before the trigger by design. For every other rule the date is never
// before the trigger.
func (c Counting) Backward() bool { return c.Offset < 0 }

// NextBusinessDayFrom returns d if it is a business day, otherwise the first
// business day after it.
func NextBusinessDayFrom(d Date) Date {
	for !IsBusinessDay(d) {
		d = d.AddDays(1)
	}
	return d
}

// AddBusinessDays returns the date n business days after d (before d when n
// is negative), counting from the day after d.
func AddBusinessDays(d Date, n int) Date {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDays(step)
		if IsBusinessDay(d) {
			n--
		}
	}
	return d
}

// outcome is one period counted out, with what the explanation needs to
// tell the reader how the date came about.
type outcome struct {
	// raw is the last day as counted, before any roll.
	raw Date
	// due is raw after the roll; zero when it cannot be known yet.
	due Date
	// clamped is set when a month or year count landed on a day the target
	// month lacks (29 Feb, 31 Apr); clampedLater when the safe side was the
	// day after (a window that opens) rather than the day before.
	clamped      bool
	clampedLater bool
	// skipped lists the non-business days the roll passed over, raw first.
	skipped []Date
	// clock is the clock-day detail, for ClockDays only.
	clock clockResult
}

// count applies c to trigger. Pauses matter only to ClockDays. laterSafe
// picks the side of an ambiguous month or year count (see
// Kind.LaterIsSafe): a year from 29 February 2024 is 28 February 2025, or
// 1 March 2025 when the later date is the safe one.
func count(c Counting, trigger Date, pauses []Pause, laterSafe bool) outcome {
	var o outcome
	switch c.Unit {
	case CalendarDays:
		o.raw = trigger.AddDays(c.Offset)
	case BusinessDays:
		o.raw = AddBusinessDays(trigger, c.Offset)
	case Months, Years:
		months := c.Offset
		if c.Unit == Years {
			months *= 12
		}
		o.raw = trigger.AddMonths(months)
		o.clamped = o.raw.Day() != trigger.Day()
		if o.clamped && laterSafe {
			o.raw, o.clampedLater = o.raw.AddDays(1), true
		}
	case ClockDays:
		o.clock = addClockDays(trigger, c.Offset, pauses)
		o.raw = o.clock.due
	}
	o.due = o.raw
	if c.Roll == NextBusinessDay && !o.due.IsZero() {
		for !IsBusinessDay(o.due) {
			o.skipped = append(o.skipped, o.due)
			o.due = o.due.AddDays(1)
		}
	}
	return o
}
