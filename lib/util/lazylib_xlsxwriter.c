/*
 * libxlsxwriter, loaded on first use (lazylib.h): the workbooks and chart
 * sheets of lib/office/xlsx.c.  Each line below is checked by the
 * compiler against the prototype in <xlsxwriter.h>.
 */
#include <xlsxwriter.h>

#include "lazylib.h"

#define LAZYLIB_THIS	lazylib_libxlsxwriter

#define API(FN, VOID, VAR) \
	FN(lxw_chart_series *, chart_add_series, (lxw_chart *a0, const char \
	    *a1, const char *a2), (a0, a1, a2)) \
	VOID(chart_axis_set_crossing_max, (lxw_chart_axis *a0), (a0)) \
	VOID(chart_axis_set_label_position, (lxw_chart_axis *a0, uint8_t \
	    a1), (a0, a1)) \
	VOID(chart_axis_set_major_tick_mark, (lxw_chart_axis *a0, uint8_t \
	    a1), (a0, a1)) \
	VOID(chart_axis_set_major_unit, (lxw_chart_axis *a0, double a1), \
	    (a0, a1)) \
	VOID(chart_axis_set_max, (lxw_chart_axis *a0, double a1), (a0, a1)) \
	VOID(chart_axis_set_min, (lxw_chart_axis *a0, double a1), (a0, a1)) \
	VOID(chart_axis_set_name, (lxw_chart_axis *a0, const char *a1), (a0, \
	    a1)) \
	VOID(chart_axis_set_name_font, (lxw_chart_axis *a0, lxw_chart_font \
	    *a1), (a0, a1)) \
	VOID(chart_axis_set_num_font, (lxw_chart_axis *a0, lxw_chart_font \
	    *a1), (a0, a1)) \
	VOID(chart_axis_set_num_format, (lxw_chart_axis *a0, const char \
	    *a1), (a0, a1)) \
	VOID(chart_axis_set_reverse, (lxw_chart_axis *a0), (a0)) \
	VOID(chart_legend_set_font, (lxw_chart *a0, lxw_chart_font *a1), \
	    (a0, a1)) \
	VOID(chart_legend_set_position, (lxw_chart *a0, uint8_t a1), (a0, \
	    a1)) \
	VOID(chart_series_set_categories, (lxw_chart_series *a0, const char \
	    *a1, lxw_row_t a2, lxw_col_t a3, lxw_row_t a4, lxw_col_t a5), \
	    (a0, a1, a2, a3, a4, a5)) \
	VOID(chart_series_set_fill, (lxw_chart_series *a0, lxw_chart_fill \
	    *a1), (a0, a1)) \
	VOID(chart_series_set_labels, (lxw_chart_series *a0), (a0)) \
	VOID(chart_series_set_labels_font, (lxw_chart_series *a0, \
	    lxw_chart_font *a1), (a0, a1)) \
	VOID(chart_series_set_labels_leader_line, (lxw_chart_series *a0), \
	    (a0)) \
	VOID(chart_series_set_labels_num_format, (lxw_chart_series *a0, \
	    const char *a1), (a0, a1)) \
	VOID(chart_series_set_labels_options, (lxw_chart_series *a0, uint8_t \
	    a1, uint8_t a2, uint8_t a3), (a0, a1, a2, a3)) \
	VOID(chart_series_set_labels_percentage, (lxw_chart_series *a0), \
	    (a0)) \
	VOID(chart_series_set_labels_position, (lxw_chart_series *a0, \
	    uint8_t a1), (a0, a1)) \
	VOID(chart_series_set_labels_separator, (lxw_chart_series *a0, \
	    uint8_t a1), (a0, a1)) \
	VOID(chart_series_set_line, (lxw_chart_series *a0, lxw_chart_line \
	    *a1), (a0, a1)) \
	VOID(chart_series_set_marker_fill, (lxw_chart_series *a0, \
	    lxw_chart_fill *a1), (a0, a1)) \
	VOID(chart_series_set_marker_line, (lxw_chart_series *a0, \
	    lxw_chart_line *a1), (a0, a1)) \
	VOID(chart_series_set_marker_size, (lxw_chart_series *a0, uint8_t \
	    a1), (a0, a1)) \
	VOID(chart_series_set_marker_type, (lxw_chart_series *a0, uint8_t \
	    a1), (a0, a1)) \
	VOID(chart_series_set_name, (lxw_chart_series *a0, const char *a1), \
	    (a0, a1)) \
	VOID(chart_series_set_name_range, (lxw_chart_series *a0, const char \
	    *a1, lxw_row_t a2, lxw_col_t a3), (a0, a1, a2, a3)) \
	FN(lxw_error, chart_series_set_points, (lxw_chart_series *a0, \
	    lxw_chart_point **a1), (a0, a1)) \
	VOID(chart_series_set_values, (lxw_chart_series *a0, const char *a1, \
	    lxw_row_t a2, lxw_col_t a3, lxw_row_t a4, lxw_col_t a5), (a0, \
	    a1, a2, a3, a4, a5)) \
	VOID(chart_set_series_gap, (lxw_chart *a0, uint16_t a1), (a0, a1)) \
	VOID(chart_set_series_overlap, (lxw_chart *a0, int8_t a1), (a0, a1)) \
	VOID(chart_title_set_name, (lxw_chart *a0, const char *a1), (a0, \
	    a1)) \
	VOID(chart_title_set_name_font, (lxw_chart *a0, lxw_chart_font *a1), \
	    (a0, a1)) \
	FN(lxw_error, chartsheet_set_chart, (lxw_chartsheet *a0, lxw_chart \
	    *a1), (a0, a1)) \
	FN(lxw_error, chartsheet_set_footer, (lxw_chartsheet *a0, const char \
	    *a1), (a0, a1)) \
	FN(lxw_error, chartsheet_set_header, (lxw_chartsheet *a0, const char \
	    *a1), (a0, a1)) \
	VOID(chartsheet_set_landscape, (lxw_chartsheet *a0), (a0)) \
	VOID(chartsheet_set_margins, (lxw_chartsheet *a0, double a1, double \
	    a2, double a3, double a4), (a0, a1, a2, a3, a4)) \
	VOID(chartsheet_set_paper, (lxw_chartsheet *a0, uint8_t a1), (a0, \
	    a1)) \
	VOID(format_set_align, (lxw_format *a0, uint8_t a1), (a0, a1)) \
	VOID(format_set_bg_color, (lxw_format *a0, lxw_color_t a1), (a0, \
	    a1)) \
	VOID(format_set_bold, (lxw_format *a0), (a0)) \
	VOID(format_set_border, (lxw_format *a0, uint8_t a1), (a0, a1)) \
	VOID(format_set_font_family, (lxw_format *a0, uint8_t a1), (a0, a1)) \
	VOID(format_set_font_name, (lxw_format *a0, const char *a1), (a0, \
	    a1)) \
	VOID(format_set_font_size, (lxw_format *a0, double a1), (a0, a1)) \
	VOID(format_set_num_format, (lxw_format *a0, const char *a1), (a0, \
	    a1)) \
	VOID(format_set_pattern, (lxw_format *a0, uint8_t a1), (a0, a1)) \
	VOID(format_set_text_wrap, (lxw_format *a0), (a0)) \
	VOID(format_set_unlocked, (lxw_format *a0), (a0)) \
	VOID(lxw_rowcol_to_cell, (char *a0, lxw_row_t a1, lxw_col_t a2), \
	    (a0, a1, a2)) \
	VOID(lxw_rowcol_to_cell_abs, (char *a0, lxw_row_t a1, lxw_col_t a2, \
	    uint8_t a3, uint8_t a4), (a0, a1, a2, a3, a4)) \
	VOID(lxw_rowcol_to_range_abs, (char *a0, lxw_row_t a1, lxw_col_t a2, \
	    lxw_row_t a3, lxw_col_t a4), (a0, a1, a2, a3, a4)) \
	FN(char *, lxw_strerror, (lxw_error a0), (a0)) \
	VOID(lxw_workbook_free, (lxw_workbook *a0), (a0)) \
	FN(lxw_cell *, lxw_worksheet_find_cell_in_row, (lxw_row *a0, \
	    lxw_col_t a1), (a0, a1)) \
	FN(lxw_row *, lxw_worksheet_find_row, (lxw_worksheet *a0, lxw_row_t \
	    a1), (a0, a1)) \
	FN(lxw_chart *, workbook_add_chart, (lxw_workbook *a0, uint8_t a1), \
	    (a0, a1)) \
	FN(lxw_chartsheet *, workbook_add_chartsheet, (lxw_workbook *a0, \
	    const char *a1), (a0, a1)) \
	FN(lxw_format *, workbook_add_format, (lxw_workbook *a0), (a0)) \
	FN(lxw_worksheet *, workbook_add_worksheet, (lxw_workbook *a0, const \
	    char *a1), (a0, a1)) \
	FN(lxw_error, workbook_close, (lxw_workbook *a0), (a0)) \
	FN(lxw_workbook *, workbook_new, (const char *a0), (a0)) \
	FN(lxw_error, workbook_set_properties, (lxw_workbook *a0, \
	    lxw_doc_properties *a1), (a0, a1)) \
	FN(lxw_error, worksheet_autofilter, (lxw_worksheet *a0, lxw_row_t \
	    a1, lxw_col_t a2, lxw_row_t a3, lxw_col_t a4), (a0, a1, a2, a3, \
	    a4)) \
	VOID(worksheet_center_horizontally, (lxw_worksheet *a0), (a0)) \
	FN(lxw_error, worksheet_data_validation_range, (lxw_worksheet *a0, \
	    lxw_row_t a1, lxw_col_t a2, lxw_row_t a3, lxw_col_t a4, \
	    lxw_data_validation *a5), (a0, a1, a2, a3, a4, a5)) \
	VOID(worksheet_fit_to_pages, (lxw_worksheet *a0, uint16_t a1, \
	    uint16_t a2), (a0, a1, a2)) \
	VOID(worksheet_freeze_panes, (lxw_worksheet *a0, lxw_row_t a1, \
	    lxw_col_t a2), (a0, a1, a2)) \
	VOID(worksheet_hide, (lxw_worksheet *a0), (a0)) \
	FN(lxw_error, worksheet_print_area, (lxw_worksheet *a0, lxw_row_t \
	    a1, lxw_col_t a2, lxw_row_t a3, lxw_col_t a4), (a0, a1, a2, a3, \
	    a4)) \
	VOID(worksheet_protect, (lxw_worksheet *a0, const char *a1, \
	    lxw_protection *a2), (a0, a1, a2)) \
	FN(lxw_error, worksheet_repeat_rows, (lxw_worksheet *a0, lxw_row_t \
	    a1, lxw_row_t a2), (a0, a1, a2)) \
	FN(lxw_error, worksheet_set_column, (lxw_worksheet *a0, lxw_col_t \
	    a1, lxw_col_t a2, double a3, lxw_format *a4), (a0, a1, a2, a3, \
	    a4)) \
	FN(lxw_error, worksheet_set_footer, (lxw_worksheet *a0, const char \
	    *a1), (a0, a1)) \
	FN(lxw_error, worksheet_set_header, (lxw_worksheet *a0, const char \
	    *a1), (a0, a1)) \
	VOID(worksheet_gridlines, (lxw_worksheet *a0, uint8_t a1), (a0, a1)) \
	FN(lxw_error, worksheet_insert_chart_opt, (lxw_worksheet *a0, \
	    lxw_row_t a1, lxw_col_t a2, lxw_chart *a3, lxw_chart_options *a4), \
	    (a0, a1, a2, a3, a4)) \
	FN(lxw_error, worksheet_merge_range, (lxw_worksheet *a0, lxw_row_t \
	    a1, lxw_col_t a2, lxw_row_t a3, lxw_col_t a4, const char *a5, \
	    lxw_format *a6), (a0, a1, a2, a3, a4, a5, a6)) \
	FN(lxw_error, worksheet_set_h_pagebreaks, (lxw_worksheet *a0, \
	    lxw_row_t a1[]), (a0, a1)) \
	VOID(worksheet_set_margins, (lxw_worksheet *a0, double a1, double a2, \
	    double a3, double a4), (a0, a1, a2, a3, a4)) \
	VOID(worksheet_set_start_page, (lxw_worksheet *a0, uint16_t a1), \
	    (a0, a1)) \
	VOID(worksheet_set_landscape, (lxw_worksheet *a0), (a0)) \
	VOID(worksheet_set_paper, (lxw_worksheet *a0, uint8_t a1), (a0, a1)) \
	VOID(worksheet_set_portrait, (lxw_worksheet *a0), (a0)) \
	FN(lxw_error, worksheet_set_row, (lxw_worksheet *a0, lxw_row_t a1, \
	    double a2, lxw_format *a3), (a0, a1, a2, a3)) \
	FN(lxw_error, worksheet_write_blank, (lxw_worksheet *a0, lxw_row_t \
	    a1, lxw_col_t a2, lxw_format *a3), (a0, a1, a2, a3)) \
	FN(lxw_error, worksheet_write_datetime, (lxw_worksheet *a0, \
	    lxw_row_t a1, lxw_col_t a2, lxw_datetime *a3, lxw_format *a4), \
	    (a0, a1, a2, a3, a4)) \
	FN(lxw_error, worksheet_write_formula_num, (lxw_worksheet *a0, \
	    lxw_row_t a1, lxw_col_t a2, const char *a3, lxw_format *a4, \
	    double a5), (a0, a1, a2, a3, a4, a5)) \
	FN(lxw_error, worksheet_write_formula_str, (lxw_worksheet *a0, \
	    lxw_row_t a1, lxw_col_t a2, const char *a3, lxw_format *a4, \
	    const char *a5), (a0, a1, a2, a3, a4, a5)) \
	FN(lxw_error, worksheet_write_number, (lxw_worksheet *a0, lxw_row_t \
	    a1, lxw_col_t a2, double a3, lxw_format *a4), (a0, a1, a2, a3, \
	    a4)) \
	FN(lxw_error, worksheet_write_rich_string, (lxw_worksheet *a0, \
	    lxw_row_t a1, lxw_col_t a2, lxw_rich_string_tuple **a3, \
	    lxw_format *a4), (a0, a1, a2, a3, a4)) \
	FN(lxw_error, worksheet_write_string, (lxw_worksheet *a0, lxw_row_t \
	    a1, lxw_col_t a2, const char *a3, lxw_format *a4), (a0, a1, a2, \
	    a3, a4))

LAZYLIB_DEFINE(API, "libxlsxwriter", NCIO_LIBXLSXWRITER_SONAME,
    "NCIO_LIBXLSXWRITER")
