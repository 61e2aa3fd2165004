package no.alarm.likemann.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The codes new municipalities and regions get are the ones the first were given by hand. */
class AreaCodesTest {

  @Test
  void shouldMakeTheFirstMunicipalitiesCodesFromTheirNames() {
    assertThat(AreaCodes.municipality("Kragerø")).isEqualTo("kragero");
    assertThat(AreaCodes.municipality("Skien")).isEqualTo("skien");
    assertThat(AreaCodes.municipality(" Nord-Aurdal ")).isEqualTo("nordaurdal");
    assertThat(AreaCodes.municipality("Aurskog-Høland")).isEqualTo("aurskogholand");
    assertThat(AreaCodes.municipality("Ås")).isEqualTo("as");
    assertThat(AreaCodes.municipality("Bæ­rum")).isEqualTo("baerum");
    assertThat(AreaCodes.municipality("Guovdageaidnu – Kautokeino")).isEqualTo("guovdageaidnukautokeino");
  }

  @Test
  void shouldMakeTheFirstRegionsCodesFromTheirNames() {
    assertThat(AreaCodes.region("Sør-Rogaland")).isEqualTo("sorRogaland");
    assertThat(AreaCodes.region("Grenland")).isEqualTo("grenland");
    assertThat(AreaCodes.region("Vestfold og Telemark")).isEqualTo("vestfoldOgTelemark");
  }

  @Test
  void shouldAcceptNamesAsMunicipalitiesWriteThemAndNothingElse() {
    assertThat(AreaCodes.NAME.matcher("Nord-Aurdal").matches()).isTrue();
    assertThat(AreaCodes.NAME.matcher("Porsanger - Porsáŋgu").matches()).isTrue();
    assertThat(AreaCodes.NAME.matcher("<script>").matches()).isFalse();
    assertThat(AreaCodes.NAME.matcher("1. kommune").matches()).isFalse();
    assertThat(AreaCodes.NAME.matcher("Skien\u0000").matches()).isFalse();
  }
}
