package web

import "strconv"

// barChart is a horizontal bar chart drawn on the server as inline SVG
// (role="img", classes from app.css, no inline style: the CSP allows
// none), with the same figures as a table beside it, which is what screen
// readers read. Each label sits on its own line above its bar, so a long
// Spanish label never runs into the bars on a phone.
type barChart struct {
	ID, Title            string
	LabelHead, ValueHead string
	ViewBox              string
	Width, Height        int
	Rows                 []barRow
}

// barRow is one bar: its label, its value and where it is drawn.
type barRow struct {
	Label  string
	Href   string // where the table's label leads, if anywhere
	Value  int
	LabelY int // baseline of the label
	Y, W   int // top of the bar; its length
	ValueX int // where the value is written, after the bar
	ValueY int
}

// Bar chart geometry, in SVG user units.
const (
	barMaxW = 300 // the longest bar
	barRowH = 38  // a label line and a bar
	barH    = 14
)

// newBarChart lays out rows (labels and values in order).
func newBarChart(id, title, labelHead, valueHead string, labels []string, values []int) barChart {
	c := barChart{ID: id, Title: title, LabelHead: labelHead, ValueHead: valueHead,
		Width: barMaxW + 50, Height: len(labels)*barRowH + 4}
	c.ViewBox = "0 0 " + strconv.Itoa(c.Width) + " " + strconv.Itoa(c.Height)
	top := 0
	for _, v := range values {
		top = max(top, v)
	}
	for i, l := range labels {
		y := 2 + i*barRowH
		r := barRow{Label: l, Value: values[i], LabelY: y + 14, Y: y + 20, ValueY: y + 32}
		if top > 0 && values[i] > 0 {
			r.W = max(2, values[i]*barMaxW/top)
		}
		r.ValueX = r.W + 6
		c.Rows = append(c.Rows, r)
	}
	return c
}
