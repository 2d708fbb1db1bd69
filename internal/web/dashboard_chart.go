package web

import "strconv"

// barChart is a horizontal bar chart drawn on the server as inline SVG
// (role="img", classes from app.css, no inline style: the CSP allows
// none), with the same figures as a table beside it, which is what screen
// readers read and what a phone shows when the drawing is too small.
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
	Value  int
	Y, W   int // top of the bar; its length
	TextY  int // baseline of its label and value
	ValueX int
}

// Bar chart geometry, in SVG user units.
const (
	barLabelW = 150 // room for the label, left of the bars
	barMaxW   = 190 // the longest bar
	barRowH   = 22
	barH      = 14
)

// newBarChart lays out rows (labels and values in order).
func newBarChart(id, title, labelHead, valueHead string, labels []string, values []int) barChart {
	c := barChart{ID: id, Title: title, LabelHead: labelHead, ValueHead: valueHead,
		Width: barLabelW + barMaxW + 40, Height: len(labels)*barRowH + 4}
	c.ViewBox = "0 0 " + strconv.Itoa(c.Width) + " " + strconv.Itoa(c.Height)
	top := 0
	for _, v := range values {
		top = max(top, v)
	}
	for i, l := range labels {
		r := barRow{Label: l, Value: values[i], Y: 4 + i*barRowH, TextY: 4 + i*barRowH + barH - 2}
		if top > 0 && values[i] > 0 {
			r.W = max(1, values[i]*barMaxW/top)
		}
		r.ValueX = barLabelW + r.W + 4
		c.Rows = append(c.Rows, r)
	}
	return c
}
