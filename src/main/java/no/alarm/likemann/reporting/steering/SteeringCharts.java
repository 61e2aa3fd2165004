package no.alarm.likemann.reporting.steering;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.reporting.SmallNumbers;
import no.alarm.likemann.reporting.steering.SteeringFigures.Figures;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The steering report's charts, the same the steering group sees in Cockpit: referrals, new couplings and drop-out
 * month by month, referrals and participants in the service per municipality, and contact time in and outside
 * ordinary hours. Every count goes through {@link SmallNumbers} first: a hidden cell is no bar, never a 0. Drawn
 * headless as PNG images; plain Java, tested without the engine.
 */
public final class SteeringCharts {

  /** One chart: its title and the image. */
  public record Chart(String title, byte[] png) {}

  private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov",
      "des"};
  private static final int WIDTH = 520;
  private static final int HEIGHT = 260;

  private SteeringCharts() {}

  public static List<Chart> of(Figures f, SmallNumbers n) {
    List<Chart> charts = new ArrayList<>();
    if (f.referralsByMonth() != null && !f.referralsByMonth().isEmpty()) {
      DefaultCategoryDataset months = new DefaultCategoryDataset();
      series(months, "Henvisninger", n.table(f.referralsByMonth()), SteeringCharts::month);
      series(months, "Nye koblinger", n.table(f.couplingsByMonth()), SteeringCharts::month);
      series(months, "Frafall", n.table(f.dropOutByMonth()), SteeringCharts::month);
      charts.add(new Chart("Henvisninger, koblinger og frafall per måned", png(bars(months, true))));
    }
    DefaultCategoryDataset municipalities = new DefaultCategoryDataset();
    series(municipalities, "Henvisninger", n.table(f.referralsByMunicipality()), m -> m);
    if (f.participantsByMunicipality() != null) {
      series(municipalities, "Deltakere i tjenesten", n.table(f.participantsByMunicipality()), m -> m);
    }
    charts.add(new Chart("Per kommune", png(bars(municipalities, false))));
    DefaultCategoryDataset hours = new DefaultCategoryDataset();
    var inHours = n.over((f.contactMinutes() - f.contactMinutesOutsideHours()) / 60.0, f.contacts());
    var outside = n.over(f.contactMinutesOutsideHours() / 60.0, f.contacts());
    hours.addValue(inHours.shown() ? inHours.value() : null, "Timer", "I vanlig arbeidstid");
    hours.addValue(outside.shown() ? outside.value() : null, "Timer", "Utenom vanlig arbeidstid");
    charts.add(new Chart("Kontakttid i og utenom vanlig arbeidstid (timer)", png(bars(hours, false))));
    // who waited for a mentor at each month's end, and the month's new couplings' median days from the referral
    // (reports drawn before these were kept have neither)
    if (f.waitingByMonth() != null && !f.waitingByMonth().isEmpty()) {
      DefaultCategoryDataset waiting = new DefaultCategoryDataset();
      f.waitingByMonth().forEach((month, stood) -> waiting.addValue(n.count(stood).value(), "Venter", month(month)));
      charts.add(new Chart("Venter på likemann ved månedens slutt", png(bars(waiting, true))));
      DefaultCategoryDataset days = new DefaultCategoryDataset();
      f.waitingByMonth().keySet().forEach(month -> {
        Double median = f.medianDaysToMentorByMonth().get(month);
        var shown = median == null ? SmallNumbers.Figure.NONE
            : n.over(median, f.firstCouplingsByMonth().getOrDefault(month, 0));
        days.addValue(shown.shown() ? shown.value() : null, "Median dager", month(month));
      });
      charts.add(new Chart("Tid til likemann (median dager fra henvisning til koblingsmøte)", png(line(days))));
    }
    return charts;
  }

  static String month(String yyyymm) {
    String[] parts = yyyymm.split("-");
    return MONTHS[Integer.parseInt(parts[1]) - 1] + " " + parts[0].substring(2);
  }

  private static void series(DefaultCategoryDataset data, String name, SmallNumbers.Table table,
      java.util.function.UnaryOperator<String> label) {
    Map<String, SmallNumbers.Count> cells = table.withheld() ? new LinkedHashMap<>() : table.cells();
    cells.forEach((key, count) -> data.addValue(count.value(), name, label.apply(key)));
  }

  /** The report's look, for every chart: white, light grid lines, small sans-serif labels. */
  private static JFreeChart styled(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    return chart;
  }

  private static JFreeChart bars(DefaultCategoryDataset data, boolean slanted) {
    JFreeChart chart = styled(ChartFactory.createBarChart(null, null, null, data, PlotOrientation.VERTICAL, true,
        false, false));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    if (slanted) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    Color[] colours = {new Color(0x54, 0x70, 0xC6), new Color(0x91, 0xCC, 0x75), new Color(0xFA, 0xC8, 0x58)};
    for (int i = 0; i < colours.length; i++) {
      renderer.setSeriesPaint(i, colours[i]);
    }
    return chart;
  }

  private static JFreeChart line(DefaultCategoryDataset data) {
    JFreeChart chart = styled(ChartFactory.createLineChart(null, null, null, data, PlotOrientation.VERTICAL, true,
        false, false));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    var renderer = new org.jfree.chart.renderer.category.LineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, new Color(0x54, 0x70, 0xC6));
    plot.setRenderer(renderer);
    return chart;
  }

  private static byte[] png(JFreeChart chart) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("A chart could not be drawn", e);
    }
  }
}
