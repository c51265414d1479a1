// Command xlsxrows reads every row of every sheet of the workbooks named on
// its command line with excelize's own row loop (File.Rows, Rows.Columns)
// and prints the number of rows and cells read. It is the yardstick ssrm's
// speed and memory are measured against: what merely reading a workbook
// costs with the library ssrm uses (README, "Speed and memory").
//
//	go build -o /tmp/xlsxrows ./internal/bench/xlsxrows
//	/usr/bin/time -v /tmp/xlsxrows questionnaire.xlsx
package main

import (
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: xlsxrows FILE.xlsx...")
		os.Exit(2)
	}
	for _, path := range os.Args[1:] {
		rows, cells, err := read(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "xlsxrows: %s: %v\n", path, err)
			os.Exit(1)
		}
		fmt.Printf("%s: %d rows, %d cells\n", path, rows, cells)
	}
}

// read walks every sheet row by row, as excelize documents for large files.
func read(path string) (rows, cells int, err error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		r, err := f.Rows(sheet)
		if err != nil {
			return rows, cells, err
		}
		for r.Next() {
			cols, err := r.Columns()
			if err != nil {
				r.Close()
				return rows, cells, err
			}
			rows++
			cells += len(cols)
		}
		if err := r.Close(); err != nil {
			return rows, cells, err
		}
	}
	return rows, cells, nil
}
