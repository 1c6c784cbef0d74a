package com.milkrun.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SesSettingsTest {
    private static final String FROM = "MilkRun <no-reply@milkrun.example>";

    @Test
    void on_aws_there_is_no_endpoint_override_nor_configuration_set() {
        SesSettings settings = SesSettings.onAws("ap-south-1", FROM);

        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.configurationSet()).isEmpty();
        assertThat(settings.destination()).isEqualTo("SES in ap-south-1");
    }

    @Test
    void a_local_server_is_named_by_its_endpoint() {
        SesSettings settings = SesSettings.local(URI.create("http://127.0.0.1:8005"), "ap-south-1", FROM);

        assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:8005"));
        assertThat(settings.destination()).isEqualTo("http://127.0.0.1:8005");
    }

    @Test
    void keeps_the_configuration_set_name_without_surrounding_blanks() {
        assertThat(SesSettings.onAws("ap-south-1", FROM).withConfigurationSet(" milkrun-transactional ")
                .configurationSet()).contains("milkrun-transactional");
    }

    @Test
    void treats_a_blank_configuration_set_as_none() {
        SesSettings settings = new SesSettings("ap-south-1", FROM, Optional.empty(), Optional.of("  "));

        assertThat(settings.configurationSet()).isEmpty();
    }

    @Test
    void refuses_a_blank_region_or_from_address() {
        assertThatThrownBy(() -> SesSettings.onAws(" ", FROM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region");
        assertThatThrownBy(() -> SesSettings.onAws("ap-south-1", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from");
    }

    @Test
    void refuses_an_endpoint_that_is_not_an_http_url() {
        assertThatThrownBy(() -> SesSettings.local(URI.create("localhost:8005"), "ap-south-1", FROM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https URL");
        assertThatThrownBy(() -> SesSettings.local(URI.create("smtp://127.0.0.1:25"), "ap-south-1", FROM))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
