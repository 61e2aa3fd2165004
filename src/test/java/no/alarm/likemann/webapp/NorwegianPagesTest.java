package no.alarm.likemann.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NorwegianPagesTest {

  @Test
  void onlyTheAppsOwnPagesAreRewritten() {
    assertThat(NorwegianPages.PAGE.matcher("/camunda/app/tasklist/default/").matches()).isTrue();
    assertThat(NorwegianPages.PAGE.matcher("/camunda/app/welcome/default").matches()).isTrue();
    assertThat(NorwegianPages.PAGE.matcher("/camunda/app/cockpit/default/").matches()).isTrue();
    assertThat(NorwegianPages.PAGE.matcher("/camunda/app/admin/default/").matches()).isTrue();
    assertThat(NorwegianPages.PAGE.matcher("/camunda/app/tasklist/scripts/config.js").matches()).isFalse();
    assertThat(NorwegianPages.PAGE.matcher("/camunda/app/tasklist/locales/nb.json").matches()).isFalse();
    assertThat(NorwegianPages.PAGE.matcher("/camunda/api/engine/engine/default/task").matches()).isFalse();
  }

  @Test
  void thePageSaysItIsNorwegianAndNothingElseChanges() {
    String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><script $CSP_NONCE src=\"x.js\"></script>"
        + "<p lang=\"en\">English</p></head></html>";

    assertThat(NorwegianPages.norwegian(page)).isEqualTo("<!DOCTYPE html>\n<html lang=\"nb\">\n<head><script"
        + " $CSP_NONCE src=\"x.js\"></script><p lang=\"en\">English</p></head></html>");
  }
}
