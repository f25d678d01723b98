// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { analyzeSnippet, namesOf } from './formAt'

/**
 * Form snippets as sites and their plugins write them, with what the SDK
 * must take from each. `values` are what the visitor typed; `expected` the
 * joined values per role (absent: not captured, with `skip` saying why).
 */
interface Case {
  title: string
  html: string
  typed?: Record<string, string>
  values?: { phone?: string; name?: string; email?: string; message?: string }
  region?: string
  skip?: RegExp
  /** Field names that must be left out, with the reason's words. */
  excluded?: Record<string, RegExp>
}

const cases: Case[] = [
  {
    title: 'plain contact form with type=tel and autocomplete',
    html: `<form action="/contact" method="post"><label>Your name <input name="name" autocomplete="name"></label>
      <label>Email <input name="email" type="email"></label><label>Phone <input name="phone" type="tel" autocomplete="tel"></label>
      <label>How can we help? <textarea name="message"></textarea></label><button>Send</button></form>`,
    typed: { '[name=name]': 'Sam Taylor', '[name=email]': 'sam@example.com', '[name=phone]': '07400 123456', '[name=message]': 'Boiler' },
    values: { phone: '07400 123456', name: 'Sam Taylor', email: 'sam@example.com', message: 'Boiler' }
  },
  {
    title: 'Contact Form 7 (novalidate, hidden fields, wrapped controls)',
    html: `<form action="/contact/#wpcf7-f5-p2-o1" method="post" class="wpcf7-form init" aria-label="Contact form" novalidate="novalidate" data-status="init">
      <div style="display: none;"><input type="hidden" name="_wpcf7" value="5"><input type="hidden" name="_wpcf7_version" value="5.9.8">
      <input type="hidden" name="_wpcf7_locale" value="en_GB"><input type="hidden" name="_wpcf7_unit_tag" value="wpcf7-f5-p2-o1"><input type="hidden" name="_wpnonce" value="8f2a1c3d4e"></div>
      <p><label> Your name<br><span class="wpcf7-form-control-wrap" data-name="your-name"><input size="40" maxlength="400" class="wpcf7-form-control wpcf7-text wpcf7-validates-as-required" autocomplete="name" aria-required="true" aria-invalid="false" value="" type="text" name="your-name"></span></label></p>
      <p><label> Your email<br><span class="wpcf7-form-control-wrap" data-name="your-email"><input size="40" maxlength="400" class="wpcf7-form-control wpcf7-email wpcf7-validates-as-required wpcf7-text wpcf7-validates-as-email" autocomplete="email" aria-required="true" aria-invalid="false" value="" type="email" name="your-email"></span></label></p>
      <p><label> Phone<br><span class="wpcf7-form-control-wrap" data-name="your-tel"><input size="40" maxlength="400" class="wpcf7-form-control wpcf7-tel wpcf7-text wpcf7-validates-as-tel" aria-invalid="false" value="" type="tel" name="your-tel"></span></label></p>
      <p><label> Subject<br><span class="wpcf7-form-control-wrap" data-name="your-subject"><input size="40" maxlength="400" class="wpcf7-form-control wpcf7-text" aria-invalid="false" value="" type="text" name="your-subject"></span></label></p>
      <p><label> Your message (optional)<br><span class="wpcf7-form-control-wrap" data-name="your-message"><textarea cols="40" rows="10" maxlength="2000" class="wpcf7-form-control wpcf7-textarea" aria-invalid="false" name="your-message"></textarea></span></label></p>
      <p><input class="wpcf7-form-control wpcf7-submit has-spinner" type="submit" value="Submit"></p><div class="wpcf7-response-output" aria-hidden="true"></div></form>`,
    typed: {
      '[name=your-name]': 'Ana',
      '[name=your-email]': 'ana@example.com',
      '[name=your-tel]': '+44 7400 123456',
      '[name=your-subject]': 'Quote',
      '[name=your-message]': 'Leak'
    },
    values: { phone: '+44 7400 123456', name: 'Ana', email: 'ana@example.com', message: 'Leak' },
    excluded: { _wpcf7: /hidden/, _wpnonce: /hidden/ }
  },
  {
    title: 'WPForms: first + last name, smart phone field, honeypot labelled Phone',
    html: `<form id="wpforms-form-123" class="wpforms-validate wpforms-form wpforms-ajax-form" data-formid="123" method="post" enctype="multipart/form-data" action="/contact/" data-token="abc" novalidate>
      <noscript class="wpforms-error-noscript">Please enable JavaScript in your browser to complete this form.</noscript>
      <div class="wpforms-field-container">
      <div id="wpforms-123-field_0-container" class="wpforms-field wpforms-field-name" data-field-id="0"><label class="wpforms-field-label">Name <span class="wpforms-required-label">*</span></label>
        <div class="wpforms-field-row wpforms-field-medium"><div class="wpforms-field-row-block wpforms-first wpforms-one-half"><input type="text" id="wpforms-123-field_0" class="wpforms-field-name-first wpforms-field-required" name="wpforms[fields][0][first]" required><label for="wpforms-123-field_0" class="wpforms-field-sublabel after">First</label></div>
        <div class="wpforms-field-row-block wpforms-one-half"><input type="text" id="wpforms-123-field_0-last" class="wpforms-field-name-last wpforms-field-required" name="wpforms[fields][0][last]" required><label for="wpforms-123-field_0-last" class="wpforms-field-sublabel after">Last</label></div></div></div>
      <div id="wpforms-123-field_1-container" class="wpforms-field wpforms-field-email" data-field-id="1"><label class="wpforms-field-label" for="wpforms-123-field_1">Email <span class="wpforms-required-label">*</span></label><input type="email" id="wpforms-123-field_1" class="wpforms-field-medium wpforms-field-required" name="wpforms[fields][1]" spellcheck="false" required></div>
      <div id="wpforms-123-field_3-container" class="wpforms-field wpforms-field-phone" data-field-id="3"><label class="wpforms-field-label" for="wpforms-123-field_3">Phone</label><input type="tel" id="wpforms-123-field_3" class="wpforms-field-medium wpforms-smart-phone-field" data-rule-smart-phone-field="true" name="wpforms[fields][3]" aria-errormessage="wpforms-123-field_3-error"></div>
      <div id="wpforms-123-field_2-container" class="wpforms-field wpforms-field-textarea" data-field-id="2"><label class="wpforms-field-label" for="wpforms-123-field_2">Comment or Message</label><textarea id="wpforms-123-field_2" class="wpforms-field-medium" name="wpforms[fields][2]"></textarea></div>
      <div id="wpforms-123-field_4-container" class="wpforms-field wpforms-field-hp"><label for="wpforms-123-field_4" class="wpforms-field-label">Phone</label><input type="text" name="wpforms[hp]" id="wpforms-123-field_4" class="wpforms-field-medium"></div>
      </div><div class="wpforms-submit-container"><input type="hidden" name="wpforms[id]" value="123"><input type="hidden" name="page_title" value="Contact"><input type="hidden" name="page_url" value="https://acme.example/contact/"><input type="hidden" name="page_id" value="9">
      <button type="submit" name="wpforms[submit]" id="wpforms-submit-123" class="wpforms-submit" data-alt-text="Sending..." data-submit-text="Submit" aria-live="assertive" value="wpforms-submit">Submit</button></div></form>`,
    typed: {
      '#wpforms-123-field_0': 'Sam',
      '#wpforms-123-field_0-last': 'Taylor',
      '#wpforms-123-field_1': 'sam@example.com',
      '#wpforms-123-field_3': '07400 123456',
      '#wpforms-123-field_2': 'New boiler'
    },
    values: { phone: '07400 123456', name: 'Sam Taylor', email: 'sam@example.com', message: 'New boiler' },
    excluded: { 'wpforms[hp]': /honeypot/, 'wpforms[id]': /hidden/ }
  },
  {
    title: 'Gravity Forms: complex name, phone, honeypot container labelled Phone with new-password',
    html: `<form method="post" enctype="multipart/form-data" id="gform_1" action="/contact/" data-formid="1" novalidate>
      <div class="gform-body gform_body"><div id="gform_fields_1" class="gform_fields top_label form_sublabel_below description_below validation_below">
      <fieldset id="field_1_1" class="gfield gfield--type-name gfield_contains_required field_sublabel_below gfield--no-description field_description_below field_validation_below gfield_visibility_visible"><legend class="gfield_label gform-field-label gfield_label_before_complex">Name<span class="gfield_required"><span class="gfield_required gfield_required_text">(Required)</span></span></legend>
        <div class="ginput_complex ginput_container ginput_container--name no_prefix has_first_name no_middle_name has_last_name no_suffix gf_name_has_2 ginput_container_name gform-grid-row" id="input_1_1">
        <span id="input_1_1_3_container" class="name_first gform-grid-col gform-grid-col--size-auto"><input type="text" name="input_1.3" id="input_1_1_3" value="" aria-required="true" autocomplete="given-name"><label for="input_1_1_3" class="gform-field-label gform-field-label--type-sub">First</label></span>
        <span id="input_1_1_6_container" class="name_last gform-grid-col gform-grid-col--size-auto"><input type="text" name="input_1.6" id="input_1_1_6" value="" aria-required="true" autocomplete="family-name"><label for="input_1_1_6" class="gform-field-label gform-field-label--type-sub">Last</label></span></div></fieldset>
      <div id="field_1_2" class="gfield gfield--type-email"><label class="gfield_label gform-field-label" for="input_1_2">Email</label><div class="ginput_container ginput_container_email"><input name="input_2" id="input_1_2" type="email" value="" class="large" aria-invalid="false"></div></div>
      <div id="field_1_3" class="gfield gfield--type-phone"><label class="gfield_label gform-field-label" for="input_1_3">Phone</label><div class="ginput_container ginput_container_phone"><input name="input_3" id="input_1_3" type="tel" value="" class="large" aria-invalid="false"></div></div>
      <div id="field_1_4" class="gfield gfield--type-textarea"><label class="gfield_label gform-field-label" for="input_1_4">Comments</label><div class="ginput_container ginput_container_textarea"><textarea name="input_4" id="input_1_4" class="textarea large" aria-invalid="false" rows="10" cols="50"></textarea></div></div>
      <div id="field_1_6" class="gfield gfield--type-honeypot gform_validation_container field_sublabel_below gfield--has-description field_description_below field_validation_below gfield_visibility_visible"><label class="gfield_label gform-field-label" for="input_1_6">Phone</label><div class="ginput_container"><input name="input_6" id="input_1_6" type="text" value="" autocomplete="new-password"></div><div class="gfield_description" id="gfield_description_1_6">This field is for validation purposes and should be left unchanged.</div></div>
      </div></div>
      <div class="gform-footer gform_footer top_label"><input type="submit" id="gform_submit_button_1" class="gform_button button" value="Submit">
      <input type="hidden" class="gform_hidden" name="is_submit_1" value="1"><input type="hidden" class="gform_hidden" name="gform_submit" value="1"><input type="hidden" class="gform_hidden" name="gform_unique_id" value=""><input type="hidden" class="gform_hidden" name="state_1" value="WyJbXSIsIjZkY2Q3ZDZlIl0="><input type="hidden" class="gform_hidden" name="gform_target_page_number_1" id="gform_target_page_number_1" value="0"><input type="hidden" class="gform_hidden" name="gform_source_page_number_1" id="gform_source_page_number_1" value="1"><input type="hidden" name="gform_field_values" value=""></div></form>`,
    typed: { '#input_1_1_3': 'Lena', '#input_1_1_6': 'Schmidt', '#input_1_2': 'lena@example.com', '#input_1_3': '07400123456', '#input_1_4': 'Radiator' },
    values: { phone: '07400123456', name: 'Lena Schmidt', email: 'lena@example.com', message: 'Radiator' },
    excluded: { input_6: /password/, gform_submit: /hidden/ }
  },
  {
    title: 'Gravity Forms honeypot without autocomplete is still left out, and a bot filling it is flagged',
    html: `<form id="gform_2" method="post"><div class="gfield"><label for="input_2_1">Your phone</label><input name="input_1" id="input_2_1" type="text"></div>
      <div class="gfield gform_validation_container"><label for="input_2_9">Phone</label><input name="input_9" id="input_2_9" type="text"></div></form>`,
    typed: { '#input_2_1': '07400 123456', '#input_2_9': '0123' },
    values: { phone: '07400 123456' },
    excluded: { input_9: /honeypot/ }
  },
  {
    title: 'Elementor Pro form (placeholders only, form_fields[...] names)',
    html: `<form class="elementor-form" method="post" name="Contact" aria-label="Contact"><input type="hidden" name="post_id" value="12"><input type="hidden" name="form_id" value="5f3a2b1"><input type="hidden" name="referer_title" value="Home"><input type="hidden" name="queried_id" value="12">
      <div class="elementor-form-fields-wrapper elementor-labels-"><div class="elementor-field-type-text elementor-field-group elementor-column elementor-field-group-name elementor-col-100"><label for="form-field-name" class="elementor-field-label elementor-screen-only">Name</label><input size="1" type="text" name="form_fields[name]" id="form-field-name" class="elementor-field elementor-size-sm elementor-field-textual" placeholder="Name"></div>
      <div class="elementor-field-type-email elementor-field-group elementor-column elementor-field-group-email elementor-col-100 elementor-field-required"><label for="form-field-email" class="elementor-field-label elementor-screen-only">Email</label><input size="1" type="email" name="form_fields[email]" id="form-field-email" class="elementor-field elementor-size-sm elementor-field-textual" placeholder="Email" required="required" aria-required="true"></div>
      <div class="elementor-field-type-tel elementor-field-group elementor-column elementor-field-group-field_8c1e2f4 elementor-col-100"><label for="form-field-field_8c1e2f4" class="elementor-field-label elementor-screen-only">Telefon</label><input size="1" type="tel" name="form_fields[field_8c1e2f4]" id="form-field-field_8c1e2f4" class="elementor-field elementor-size-sm elementor-field-textual" placeholder="Telefon" pattern="[0-9()#&amp;+*-=.]+" title="Only numbers and phone characters (#, -, *, etc) are accepted."></div>
      <div class="elementor-field-type-textarea elementor-field-group elementor-column elementor-field-group-message elementor-col-100"><label for="form-field-message" class="elementor-field-label elementor-screen-only">Message</label><textarea class="elementor-field-textual elementor-field elementor-size-sm" name="form_fields[message]" id="form-field-message" rows="4" placeholder="Message"></textarea></div>
      <div class="elementor-field-group elementor-column elementor-field-type-submit elementor-col-100 e-form__buttons"><button type="submit" class="elementor-button elementor-size-sm"><span class="elementor-button-content-wrapper"><span class="elementor-button-text">Send</span></span></button></div></div></form>`,
    typed: {
      '#form-field-name': 'Jonas Weber',
      '#form-field-email': 'jonas@example.de',
      '#form-field-field_8c1e2f4': '0151 12345678',
      '#form-field-message': 'Rückruf bitte'
    },
    values: { phone: '0151 12345678', name: 'Jonas Weber', email: 'jonas@example.de', message: 'Rückruf bitte' }
  },
  {
    title: 'HubSpot embedded form (hs-form, firstname/lastname/phone, hs_context hidden)',
    html: `<form novalidate accept-charset="UTF-8" action="https://forms.hsforms.com/submissions/v3/public/submit/formsnext/multipart/123456/1a2b3c4d" enctype="multipart/form-data" id="hsForm_1a2b3c4d" method="POST" class="hs-form stacked hs-form-private hsForm_1a2b3c4d hs-form-1a2b3c4d" data-form-id="1a2b3c4d" data-portal-id="123456">
      <fieldset class="form-columns-2"><div class="hs_firstname hs-firstname hs-fieldtype-text field hs-form-field"><label id="label-firstname-1a2b3c4d" for="firstname-1a2b3c4d"><span>First name</span></label><div class="input"><input id="firstname-1a2b3c4d" name="firstname" required="" placeholder="" type="text" class="hs-input" inputmode="text" autocomplete="given-name" value=""></div></div>
      <div class="hs_lastname hs-lastname hs-fieldtype-text field hs-form-field"><label id="label-lastname-1a2b3c4d" for="lastname-1a2b3c4d"><span>Last name</span></label><div class="input"><input id="lastname-1a2b3c4d" name="lastname" required="" type="text" class="hs-input" inputmode="text" autocomplete="family-name" value=""></div></div></fieldset>
      <fieldset class="form-columns-1"><div class="hs_email hs-email hs-fieldtype-text field hs-form-field"><label for="email-1a2b3c4d"><span>Email</span></label><div class="input"><input id="email-1a2b3c4d" name="email" required="" type="email" class="hs-input" inputmode="email" autocomplete="email" value=""></div></div></fieldset>
      <fieldset class="form-columns-1"><div class="hs_phone hs-phone hs-fieldtype-phonenumber field hs-form-field"><label for="phone-1a2b3c4d"><span>Phone number</span></label><div class="input"><input id="phone-1a2b3c4d" name="phone" type="tel" class="hs-input" inputmode="tel" autocomplete="tel" value=""></div></div></fieldset>
      <fieldset class="form-columns-1"><div class="hs_company hs-company hs-fieldtype-text field hs-form-field"><label for="company-1a2b3c4d"><span>Company name</span></label><div class="input"><input id="company-1a2b3c4d" name="company" type="text" class="hs-input" autocomplete="organization" value=""></div></div></fieldset>
      <div class="hs_submit hs-submit"><div class="actions"><input type="submit" class="hs-button primary large" value="Submit"></div></div>
      <input name="hs_context" type="hidden" value="{&quot;embedAtTimestamp&quot;:&quot;1732000000000&quot;}"></form>`,
    typed: { '[name=firstname]': 'Maria', '[name=lastname]': 'Garcia', '[name=email]': 'maria@example.es', '[name=phone]': '+34 612 34 56 78', '[name=company]': 'Acme' },
    values: { phone: '+34 612 34 56 78', name: 'Maria Garcia', email: 'maria@example.es' },
    excluded: { hs_context: /hidden/ }
  },
  {
    title: 'HubSpot intl phone: a country select beside the number',
    html: `<form class="hs-form" novalidate><div class="hs_phone hs-fieldtype-phonenumber field hs-form-field"><label for="phone-9"><span>Mobile phone number</span></label>
      <div class="input"><div class="hs-fieldtype-intl-phone hs-input"><select class="hs-input"><option value="GB">United Kingdom (+44)</option><option value="IE">Ireland (+353)</option><option value="DE">Germany (+49)</option></select>
      <input class="hs-input" type="tel" id="phone-9" name="mobilephone" autocomplete="tel" value=""></div></div></div></form>`,
    typed: { select: 'DE', '#phone-9': '0151 12345678' },
    values: { phone: '0151 12345678' },
    region: 'DE'
  },
  {
    title: 'Ninja Forms (custom elements, aria-labelledby labels, button submit)',
    html: `<form><div><div class="nf-form-content"><nf-fields-wrap><nf-field><div id="nf-field-1-container" class="nf-field-container firstname-container label-above"><div class="nf-field"><div id="nf-field-1-wrap" class="field-wrap firstname-wrap" data-field-id="1"><div class="nf-field-label"><label for="nf-field-1" id="nf-label-field-1">First Name <span class="ninja-forms-req-symbol">*</span></label></div>
      <div class="nf-field-element"><input type="text" value="" class="ninja-forms-field nf-element" id="nf-field-1" name="nf-field-1" aria-invalid="false" aria-describedby="nf-error-1" aria-labelledby="nf-label-field-1" required></div></div></div></div></nf-field>
      <nf-field><div id="nf-field-2-container" class="nf-field-container lastname-container label-above"><div class="nf-field"><div class="field-wrap lastname-wrap"><div class="nf-field-label"><label for="nf-field-2" id="nf-label-field-2">Last Name</label></div><div class="nf-field-element"><input type="text" value="" class="ninja-forms-field nf-element" id="nf-field-2" name="nf-field-2" aria-labelledby="nf-label-field-2"></div></div></div></div></nf-field>
      <nf-field><div id="nf-field-3-container" class="nf-field-container phone-container label-above"><div class="nf-field"><div class="field-wrap phone-wrap"><div class="nf-field-label"><label for="nf-field-3" id="nf-label-field-3">Phone</label></div><div class="nf-field-element"><input type="tel" value="" class="ninja-forms-field nf-element" id="nf-field-3" name="nf-field-3" autocomplete="tel" aria-labelledby="nf-label-field-3"></div></div></div></div></nf-field>
      <nf-field><div id="nf-field-4-container" class="nf-field-container email-container label-above"><div class="nf-field"><div class="field-wrap email-wrap"><div class="nf-field-label"><label for="nf-field-4" id="nf-label-field-4">Email</label></div><div class="nf-field-element"><input type="email" value="" class="ninja-forms-field nf-element" id="nf-field-4" name="email" autocomplete="email"></div></div></div></div></nf-field>
      <nf-field><div id="nf-field-5-container" class="nf-field-container textarea-container label-above"><div class="nf-field"><div class="field-wrap textarea-wrap"><div class="nf-field-label"><label for="nf-field-5" id="nf-label-field-5">Message</label></div><div class="nf-field-element"><textarea id="nf-field-5" name="nf-field-5" class="ninja-forms-field nf-element" aria-labelledby="nf-label-field-5"></textarea></div></div></div></div></nf-field>
      <nf-field><div id="nf-field-6-container" class="nf-field-container submit-container label-above"><div class="nf-field"><div class="field-wrap submit-wrap"><div class="nf-field-element"><input id="nf-field-6" class="ninja-forms-field nf-element" type="button" value="Submit"></div></div></div></div></nf-field>
      </nf-fields-wrap></div></div></form>`,
    typed: { '#nf-field-1': 'Chris', '#nf-field-2': 'Doe', '#nf-field-3': '+1 202 555 0143', '#nf-field-4': 'chris@example.com', '#nf-field-5': 'Call me' },
    values: { phone: '+1 202 555 0143', name: 'Chris Doe', email: 'chris@example.com', message: 'Call me' }
  },
  {
    title: 'Formidable Forms (item_meta names, frm_verify honeypot named like an email)',
    html: `<form enctype="multipart/form-data" method="post" class="frm-show-form frm_js_validate frm_ajax_submit frm_pro_form" id="form_contact2" novalidate>
      <div class="frm_form_fields"><fieldset><legend class="frm_screen_reader">Contact Us</legend><div class="frm_fields_container">
      <input type="hidden" name="frm_action" value="create"><input type="hidden" name="form_id" value="2"><input type="hidden" name="frm_hide_fields_2" id="frm_hide_fields_2" value=""><input type="hidden" name="form_key" value="contact2"><input type="hidden" name="item_meta[0]" value=""><input type="hidden" id="frm_submit_entry_2" name="frm_submit_entry_2" value="6b1c2d3e4f">
      <div id="frm_field_6_container" class="frm_form_field form-field frm_required_field frm_top_container frm_first frm_half"><label for="field_qh4icy" id="field_qh4icy_label" class="frm_primary_label">Name <span class="frm_required" aria-hidden="true">*</span></label><input type="text" id="field_qh4icy" name="item_meta[6]" value="" data-reqmsg="Name cannot be blank." aria-required="true" data-invmsg="Name is invalid" aria-invalid="false"></div>
      <div id="frm_field_8_container" class="frm_form_field form-field frm_required_field frm_top_container frm_full"><label for="field_29yf4d" id="field_29yf4d_label" class="frm_primary_label">Email</label><input type="email" id="field_29yf4d" name="item_meta[8]" value="" aria-required="true"></div>
      <div id="frm_field_10_container" class="frm_form_field form-field frm_top_container frm_full"><label for="field_ph7r2" id="field_ph7r2_label" class="frm_primary_label">Phone Number</label><input type="tel" id="field_ph7r2" name="item_meta[10]" value="" data-invmsg="Phone is invalid" aria-invalid="false" pattern="((\\+\\d{1,3}(-|.| )?\\(?\\d\\)?(-| |.)?\\d{1,5})|(\\(?\\d{2,6}\\)?))(-|.| )?(\\d{3,4})(-|.| )?(\\d{4})(( x| ext)\\d{1,5}){0,1}$"></div>
      <div id="frm_field_9_container" class="frm_form_field form-field frm_top_container frm_full"><label for="field_9jv0r1" id="field_9jv0r1_label" class="frm_primary_label">Message</label><textarea name="item_meta[9]" id="field_9jv0r1" rows="5"></textarea></div>
      <div class="frm_verify" aria-hidden="true"><label for="frm_email_2">If you are human, leave this field blank.</label><input type="text" class="frm_verify" id="frm_email_2" name="frm_verify" value=""></div>
      <div class="frm_submit"><button class="frm_button_submit frm_final_submit" type="submit" formnovalidate="formnovalidate">Submit</button></div></div></fieldset></div></form>`,
    typed: { '#field_qh4icy': 'Priya Shah', '#field_29yf4d': 'priya@example.com', '#field_ph7r2': '07400 123456', '#field_9jv0r1': 'Quote please' },
    values: { phone: '07400 123456', name: 'Priya Shah', email: 'priya@example.com', message: 'Quote please' },
    excluded: { frm_verify: /honeypot/, frm_action: /hidden/ }
  },
  {
    title: 'German label only (Telefonnummer) on a text input with a meaningless name',
    html: `<form><label for="f1">Ihr Name</label><input id="f1" name="field_1"><label for="f2">Telefonnummer</label><input id="f2" name="field_2"><label for="f3">Ihre Nachricht</label><textarea id="f3" name="field_3"></textarea></form>`,
    typed: { '#f1': 'Jonas Weber', '#f2': '0151 12345678', '#f3': 'Bitte zurückrufen' },
    values: { phone: '0151 12345678', name: 'Jonas Weber', message: 'Bitte zurückrufen' }
  },
  {
    title: 'French: Prénom + Nom, Téléphone portable, Courriel',
    html: `<form><label>Prénom <input name="prenom"></label><label>Nom <input name="nom"></label><label>Téléphone portable <input name="portable"></label><label>Courriel <input name="courriel"></label></form>`,
    typed: { '[name=prenom]': 'Claire', '[name=nom]': 'Martin', '[name=portable]': '06 12 34 56 78', '[name=courriel]': 'claire@example.fr' },
    values: { phone: '06 12 34 56 78', name: 'Claire Martin', email: 'claire@example.fr' }
  },
  {
    title: 'Spanish: Nombre + Apellidos, Teléfono móvil (placeholder only), Mensaje',
    html: `<form><input name="nombre" placeholder="Nombre"><input name="apellidos" placeholder="Apellidos"><input name="f_tlf" placeholder="Teléfono móvil"><textarea name="mensaje" placeholder="Mensaje"></textarea></form>`,
    typed: { '[name=nombre]': 'Lucía', '[name=apellidos]': 'Fernández López', '[name=f_tlf]': '612 34 56 78', '[name=mensaje]': 'Llamadme' },
    values: { phone: '612 34 56 78', name: 'Lucía Fernández López', message: 'Llamadme' }
  },
  {
    title: 'Italian: Cellulare by aria-label',
    html: `<form><input name="campo1" aria-label="Nome e cognome"><input name="campo2" aria-label="Cellulare"></form>`,
    typed: { '[name=campo1]': 'Marco Rossi', '[name=campo2]': '+39 312 345 6789' },
    values: { phone: '+39 312 345 6789', name: 'Marco Rossi' }
  },
  {
    title: 'Portuguese: Celular / WhatsApp',
    html: `<form><label>Nome completo <input name="nome"></label><label>Celular (WhatsApp) <input name="zap"></label></form>`,
    typed: { '[name=nome]': 'João Silva', '[name=zap]': '+55 11 91234 5678' },
    values: { phone: '+55 11 91234 5678', name: 'João Silva' }
  },
  {
    title: 'Dutch: Telefoonnummer and German Handy in ids',
    html: `<form><input id="voornaam" placeholder="Voornaam"><input id="achternaam" placeholder="Achternaam"><input id="telefoonnummer"></form>`,
    typed: { '#voornaam': 'Daan', '#achternaam': 'de Vries', '#telefoonnummer': '06 12345678' },
    values: { phone: '06 12345678', name: 'Daan de Vries' }
  },
  {
    title: 'German Handy, camelCase name mobileNumber beside a Fax field',
    html: `<form><label>Fax <input type="tel" name="fax"></label><label>Handy <input name="mobileNumber"></label></form>`,
    typed: { '[name=fax]': '030 1234567', '[name=mobileNumber]': '0151 12345678' },
    values: { phone: '0151 12345678' }
  },
  {
    title: 'Japanese and Russian labels',
    html: `<form><label>お名前 <input name="a"></label><label>電話番号 <input name="b"></label></form>`,
    typed: { '[name=a]': '山田太郎', '[name=b]': '090-1234-5678' },
    values: { phone: '090-1234-5678', name: '山田太郎' }
  },
  {
    title: 'Russian: Телефон and Имя',
    html: `<form><label>Имя <input name="a"></label><label>Телефон <input name="b"></label></form>`,
    typed: { '[name=a]': 'Иван', '[name=b]': '+7 912 345-67-89' },
    values: { phone: '+7 912 345-67-89', name: 'Иван' }
  },
  {
    title: 'split: a country-code select and the number',
    html: `<form><label>Country code <select name="country_code"><option value="+44">UK (+44)</option><option value="+353">Ireland (+353)</option></select></label><label>Phone <input name="phone" type="tel"></label></form>`,
    typed: { '[name=country_code]': '+353', '[name=phone]': '085 123 4567' },
    values: { phone: '+353 085 123 4567' }
  },
  {
    title: 'split: autocomplete tel-country-code + tel-national',
    html: `<form><input name="cc" autocomplete="tel-country-code"><input name="national" autocomplete="tel-national"></form>`,
    typed: { '[name=cc]': '49', '[name=national]': '151 12345678' },
    values: { phone: '+49 151 12345678' }
  },
  {
    title: 'split: area code + local number (tel-area-code, tel-local)',
    html: `<form><input name="area" autocomplete="tel-area-code"><input name="local" autocomplete="tel-local"></form>`,
    typed: { '[name=area]': '202', '[name=local]': '555 0143' },
    values: { phone: '202 555 0143' }
  },
  {
    title: 'split: an unlabelled dial-code select beside the number (intl-tel-input style)',
    html: `<form><div class="phone-wrap"><select name="dial"><option value="44">🇬🇧 +44</option><option value="33">🇫🇷 +33</option></select><input type="tel" name="phone"></div></form>`,
    typed: { '[name=dial]': '33', '[name=phone]': '6 12 34 56 78' },
    values: { phone: '+33 6 12 34 56 78' }
  },
  {
    title: 'WPForms smart phone field (intl-tel-input): the dial code of the chosen flag',
    html: `<form class="wpforms-form"><div class="wpforms-field wpforms-field-phone"><label class="wpforms-field-label" for="wpforms-9-field_2">Phone</label>
      <div class="iti iti--allow-dropdown"><div class="iti__flag-container"><div class="iti__selected-flag" role="combobox" aria-controls="iti-0__country-listbox" aria-expanded="false" tabindex="0" title="Ireland: +353" aria-activedescendant="iti-0__item-ie"><div class="iti__flag iti__ie"></div><div class="iti__arrow"></div></div></div>
      <input type="tel" id="wpforms-9-field_2" class="wpforms-field-medium wpforms-smart-phone-field" data-rule-smart-phone-field="true" name="wpforms[fields][2]" autocomplete="off"></div></div></form>`,
    typed: { '#wpforms-9-field_2': '085 123 4567' },
    values: { phone: '+353 085 123 4567' }
  },
  {
    title: 'intl-tel-input 23 with a separate dial code',
    html: `<form><div class="iti iti--allow-dropdown iti--show-flags iti--inline-dropdown"><div class="iti__country-container"><button type="button" class="iti__selected-country" aria-expanded="false" aria-label="Selected country" aria-haspopup="dialog" title="Germany"><div class="iti__selected-country-primary"><div class="iti__flag iti__de"></div><div class="iti__arrow"></div></div><div class="iti__selected-dial-code">+49</div></button></div>
      <input type="tel" name="phone" autocomplete="tel" placeholder="01512 3456789"></div></form>`,
    typed: { '[name=phone]': '01511 2345678' },
    values: { phone: '+49 01511 2345678' }
  },
  {
    title: 'a number typed in international format ignores the country select',
    html: `<form><select name="phone_prefix"><option value="+44">+44</option></select><input name="phone" type="tel"></form>`,
    typed: { '[name=phone]': '+353 85 123 4567' },
    values: { phone: '+353 85 123 4567' }
  },
  {
    title: 'password, card number, one-time code and hidden fields never mapped (card labelled "Number")',
    html: `<form><label>Name <input name="name"></label><label>Phone <input name="phone" type="tel"></label><label>Password <input type="password" name="pw"></label>
      <label>Number <input name="cardnumber" autocomplete="cc-number" inputmode="numeric"></label><label>Card number <input name="field_7"></label><label>CVC <input name="cvc"></label>
      <label>Code <input name="code" autocomplete="one-time-code"></label><input type="hidden" name="secret" value="s3cr3t"><input type="file" name="cv"></form>`,
    typed: {
      '[name=name]': 'Sam',
      '[name=phone]': '07400 123456',
      '[name=cardnumber]': '4242424242424242',
      '[name=field_7]': '4242424242424242',
      '[name=cvc]': '123',
      '[name=code]': '123456'
    },
    values: { phone: '07400 123456', name: 'Sam' },
    excluded: { pw: /password/, cardnumber: /card/, field_7: /card/, cvc: /card/, code: /one-time/, secret: /hidden/, cv: /file/ }
  },
  {
    title: 'data-ringback="ignore" on a field and data-ringback-field mapping',
    html: `<form><input name="mobile" data-ringback="ignore"><input name="x1" data-ringback-field="phone"><input name="x2" data-ringback-field="name"><textarea name="notes" data-ringback="ignore"></textarea></form>`,
    typed: { '[name=mobile]': '07400 000000', '[name=x1]': '07400 123456', '[name=x2]': 'Sam', '[name=notes]': 'private' },
    values: { phone: '07400 123456', name: 'Sam' },
    excluded: { mobile: /ignore/, notes: /ignore/ }
  },
  {
    title: 'data-ringback="ignore" on the form skips it',
    html: `<form data-ringback="ignore"><input type="tel" name="phone"></form>`,
    typed: { '[name=phone]': '07400 123456' },
    skip: /ignore/
  },
  {
    title: 'a WooCommerce checkout asks for a phone number but is not a lead form',
    html: `<form name="checkout" method="post" class="checkout woocommerce-checkout" action="https://shop.example/checkout/" enctype="multipart/form-data" novalidate="novalidate">
      <p class="form-row form-row-first validate-required" id="billing_first_name_field"><label for="billing_first_name">First name&nbsp;<abbr class="required" title="required">*</abbr></label><span class="woocommerce-input-wrapper"><input type="text" class="input-text" name="billing_first_name" id="billing_first_name" placeholder="" value="" autocomplete="given-name"></span></p>
      <p class="form-row form-row-wide validate-required validate-phone" id="billing_phone_field"><label for="billing_phone">Phone&nbsp;<abbr class="required" title="required">*</abbr></label><span class="woocommerce-input-wrapper"><input type="tel" class="input-text" name="billing_phone" id="billing_phone" placeholder="" value="" autocomplete="tel"></span></p>
      <input type="hidden" id="woocommerce-process-checkout-nonce" name="woocommerce-process-checkout-nonce" value="1a2b3c4d5e"></form>`,
    typed: { '#billing_first_name': 'Sam', '#billing_phone': '07400 123456' },
    skip: /checkout/
  },
  {
    title: 'a search form is not captured',
    html: `<form role="search" action="/"><label>Search <input type="search" name="s"></label><button>Search</button></form>`,
    typed: { '[name=s]': 'boiler' },
    skip: /no phone/
  },
  {
    title: 'a login form is not captured',
    html: `<form><input name="username" autocomplete="username"><input type="password" name="password" autocomplete="current-password"></form>`,
    skip: /no phone/,
    excluded: { password: /password/ }
  },
  {
    title: 'a newsletter form (email only) is not captured',
    html: `<form class="mc4wp-form"><input type="email" name="EMAIL" placeholder="Your email address" required><input type="submit" value="Sign up"></form>`,
    skip: /no phone/
  },
  {
    title: 'an order-number field is not a phone, company name is not a name',
    html: `<form><label>Order number <input name="order_number"></label><label>Company name <input name="company_name"></label><label>Numéro de commande <input name="numero"></label></form>`,
    skip: /no phone/
  },
  {
    title: 'data-ringback="capture" marks a form whose only phone field has no hints; the marking maps it',
    html: `<form data-ringback="capture"><input name="q1"><input name="q2" data-ringback-field="phone"></form>`,
    typed: { '[name=q2]': '07400 123456' },
    values: { phone: '07400 123456' }
  },
  {
    title: 'a marked form without phone hints takes the field that holds a phone number',
    html: `<form data-ringback="capture"><input name="q1" placeholder="Your name"><input name="q2"><input name="q3"></form>`,
    typed: { '[name=q1]': 'Sam', '[name=q2]': 'Leeds', '[name=q3]': '07400 123456' },
    values: { phone: '07400 123456', name: 'Sam' }
  },
  {
    title: 'a form included by a config selector is marked the same way',
    html: `<form class="lead-form"><input name="a1"><input name="a2"></form>`,
    typed: { '[name=a1]': 'x', '[name=a2]': '+44 7400 123456' },
    values: { phone: '+44 7400 123456' }
  },
  {
    title: 'a lone "phone with country code" field is the phone',
    html: `<form><label>Phone (with country code) <input name="tel_cc"></label></form>`,
    typed: { '[name=tel_cc]': '+44 7400 123456' },
    values: { phone: '+44 7400 123456' }
  },
  {
    title: 'a textarea labelled Address is not the message; a message by name is',
    html: `<form><input type="tel" name="phone"><textarea name="address" placeholder="Address"></textarea><input name="your-message"></form>`,
    typed: { '[name=phone]': '07400 123456', '[name=address]': '1 Road', '[name=your-message]': 'Hello' },
    values: { phone: '07400 123456', message: 'Hello' }
  },
  {
    title: 'autocomplete sections and mobile tokens ("shipping mobile tel")',
    html: `<form><input name="a" autocomplete="shipping mobile tel"><input name="b" autocomplete="section-x name"></form>`,
    typed: { '[name=a]': '07400 123456', '[name=b]': 'Sam Taylor' },
    values: { phone: '07400 123456', name: 'Sam Taylor' }
  },
  {
    title: 'a disabled phone field is not submitted and not taken',
    html: `<form><input type="tel" name="phone" disabled><input name="name"></form>`,
    skip: /no phone/
  },
  {
    title: 'Squarespace-like form: fields named by uuid, labels as legends and spans',
    html: `<form><div class="form-item field"><label for="text-1"><span class="title">Phone</span></label><input class="field-element" id="text-1" name="text-6a1f" type="text"></div></form>`,
    typed: { '#text-1': '07400 123456' },
    values: { phone: '07400 123456' }
  }
]

describe('detection and mapping over real-world form markup', () => {
  it('has at least 30 snippets', () => expect(cases.length).toBeGreaterThanOrEqual(30))

  for (const c of cases) {
    it(c.title, () => {
      const result = analyzeSnippet(c.html, c.typed, { capture: 'auto', include: ['.lead-form'], exclude: [] })
      if (c.skip) {
        expect(result.skip).toMatch(c.skip)
      } else {
        expect(result.skip).toBeUndefined()
        // The first file's pre-check must never lose a form the lazy file captures
        // (forms of `include` selectors skip the pre-check).
        if (!c.html.includes('lead-form')) expect(result.precheck).toBe(true)
        expect(result.values).toEqual(c.values)
        if (c.region) expect(result.region).toBe(c.region)
      }
      for (const [name, reason] of Object.entries(c.excluded || {})) {
        const found = result.excluded.find((e) => e.field.name === name)
        expect(found?.reason, name).toMatch(reason)
        // Left out means left out: no role reads it.
        for (const role of ['phone', 'name', 'email', 'message'] as const) expect(namesOf(result, role)).not.toContain(name)
      }
      // A value that is excluded never appears in any mapped value.
      for (const { field } of result.excluded) expect(field.value).toBe('')
    })
  }
})
