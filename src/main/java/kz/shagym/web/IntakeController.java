package kz.shagym.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import kz.shagym.clock.ShagymClock;
import kz.shagym.complaint.ComplaintRecord;
import kz.shagym.complaint.InvalidFact;
import kz.shagym.complaint.RegionCatalog;
import kz.shagym.complaint.Registration;
import kz.shagym.complaint.MedicalFacts;
import kz.shagym.complaint.NewComplaint;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Registering a new complaint from the form; the registering user becomes its lawyer (as with the API's default),
 * and a staff member registering it is assigned to it. */
@Controller
class IntakeController {

    private final Registration registration;
    private final ShagymClock clock;
    private final FactMessages facts;
    private final RegionCatalog regions;

    IntakeController(Registration registration, ShagymClock clock, FactMessages facts, RegionCatalog regions) {
        this.regions = regions;
        this.registration = registration;
        this.clock = clock;
        this.facts = facts;
    }

    @GetMapping("/cases/new")
    String form(Model model, java.util.Locale locale) {
        return page(new IntakeForm(), model, locale);
    }

    @PostMapping("/cases/new")
    String register(@Valid @ModelAttribute("intake") IntakeForm form, BindingResult result, Authentication user, Model model,
                    java.util.Locale locale, HttpServletResponse response) {
        rejectFutureDates(form, result);
        if (result.hasErrors()) {
            return Forms.refused(response, page(form, model, locale));
        }
        try {
            ComplaintRecord created = registration.register(form.toRequest(), user.getName(), user);
            return "redirect:/cases/" + created.id();
        } catch (InvalidFact e) {
            Forms.reject(result, IntakeForm.formField(e.field()), facts.message(e, locale));
            return Forms.refused(response, page(form, model, locale));
        } catch (ApiException e) {
            Forms.reject(result, IntakeForm.formField(e.field()), e);
            return Forms.refused(response, page(form, model, locale));
        }
    }

    /** Checked here against the application's clock, which tests and demos move: @PastOrPresent would use the system's. */
    private void rejectFutureDates(IntakeForm form, BindingResult result) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Formats.ALMATY);
        if (form.getIncidentDate() != null && form.getIncidentDate().isAfter(today) && !result.hasFieldErrors("incidentDate")) {
            result.rejectValue("incidentDate", "PastOrPresent");
        }
        if (form.getExaminationDate() != null && form.getExaminationDate().isAfter(today) && !result.hasFieldErrors("examinationDate")) {
            result.rejectValue("examinationDate", "PastOrPresent");
        }
    }

    private String page(IntakeForm form, Model model, java.util.Locale locale) {
        model.addAttribute("intake", form);
        model.addAttribute("allegations", NewComplaint.Allegation.values());
        model.addAttribute("authorities", NewComplaint.FiledWith.values());
        model.addAttribute("regions", regions.sorted(Languages.of(locale)));
        model.addAttribute("forensicExaminations", MedicalFacts.ForensicExamination.values());
        model.addAttribute("caseFileGroups", CaseFileForm.GROUPS);
        return "intake";
    }
}
