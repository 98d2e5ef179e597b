package app.lantern.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.shared.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Column names of common CRM exports propose the right fields; a confirmed mapping needs a name column. */
class ImportFieldsTest {

    @Test
    void proposesFieldsForSalesforceHubSpotZohoAndPipedriveExports() {
        assertThat(ImportFields.propose(List.of(
                        "Account Name",
                        "Account Owner",
                        "Industry",
                        "Billing City",
                        "Billing State/Province",
                        "Phone",
                        "Website",
                        "Created Date")))
                .hasSize(8)
                .containsAllEntriesOf(Map.of(
                        "0", "name",
                        "1", "owner",
                        "2", "industry",
                        "3", "city",
                        "4", "province",
                        "5", "phone",
                        "6", "website",
                        "7", "createdAt"));
        assertThat(ImportFields.propose(List.of(
                        "Company name",
                        "Company owner",
                        "City",
                        "State/Region",
                        "Phone Number",
                        "Company Domain Name")))
                .containsValues("name", "owner", "city", "province", "phone", "website");
        assertThat(ImportFields.propose(
                        List.of("Organization - Name", "Organization - Owner", "Organization - Address")))
                .containsValues("name", "owner", "address");
        assertThat(ImportFields.propose(List.of("Company", "Owner", "Email", "Industry")))
                .containsValues("name", "owner", "email", "industry");
        assertThat(ImportFields.propose(List.of("Organization", "City"))).containsValues("name", "city");
    }

    @Test
    void proposesTheGenericExportShape() {
        assertThat(ImportFields.propose(List.of(
                        "account",
                        "sector",
                        "year_established",
                        "revenue",
                        "employees",
                        "office_location",
                        "subsidiary_of")))
                .containsEntry("0", "name")
                .containsEntry("1", "industry")
                .containsEntry("5", "address")
                .hasSize(3);
    }

    @Test
    void refusesAMappingWithoutANameColumnNamingTheField() {
        assertThatThrownBy(() -> ImportFields.confirm(Map.of("0", "industry"), 3))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("mapping"));
        assertThatThrownBy(() -> ImportFields.confirm(Map.of("7", "name"), 3)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ImportFields.confirm(Map.of("0", "name", "1", "shortname"), 3))
                .isInstanceOf(ValidationException.class);
        assertThat(ImportFields.confirm(Map.of("2", "name", "0", ""), 3)).isEqualTo(Map.of("2", "name"));
    }
}
