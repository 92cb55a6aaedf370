// "My Security Credentials": vanilla JS over the JSON API (see example-app/README.md).
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const state = { user: null, csrf: null };
  const GIT_SERVICE = 'codecommit.amazonaws.com';

  // ---- status line and API calls ----

  function status(message, kind) {
    const line = $('status');
    line.textContent = message || '';
    line.className = kind || '';
  }

  class ApiError extends Error {
    constructor(httpStatus, code, message) {
      super(message);
      this.httpStatus = httpStatus;
      this.code = code;
    }
  }

  async function api(method, path, body) {
    const headers = {};
    if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
    const init = { method, headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch (e) { data = null; }
    }
    if (!response.ok) {
      const error = (data && data.Error) || {};
      throw new ApiError(response.status, error.Code || String(response.status),
        error.Message || `${method} ${path}: HTTP ${response.status}`);
    }
    return data;
  }

  const enc = encodeURIComponent;
  const userPath = (suffix) => `/api/users/${enc(state.user)}${suffix}`;
  const deviceName = (serial) => serial.substring(serial.lastIndexOf('/') + 1);

  // Runs an action, showing its error (Error.Message) in the status line.
  function guarded(action) {
    return async (event) => {
      if (event && event.preventDefault) event.preventDefault();
      try {
        await action(event);
      } catch (e) {
        status(e.code ? `${e.code}: ${e.message}` : String(e.message || e), 'error');
      }
    };
  }

  // ---- views ----

  const VIEWS = ['sign-in', 'mfa-code', 'mfa-setup', 'credentials'];
  function show(view) {
    for (const id of VIEWS) $(id).hidden = id !== view;
    const signedIn = view !== 'sign-in';
    $('sign-out').hidden = !signedIn;
    $('who').hidden = !signedIn;
    $('who').textContent = signedIn && state.user ? state.user : '';
  }

  function showSignIn() {
    state.user = null;
    state.csrf = null;
    $('sign-in-form').reset();
    show('sign-in');
    $('user-name').focus();
  }

  // Decides what a signed-in session sees.
  async function route() {
    const session = await api('GET', '/api/session');
    state.user = session.UserName;
    state.csrf = session.CsrfToken;
    if (session.MfaAuthenticated) {
      await showCredentials(session);
      return;
    }
    const devices = await api('GET', userPath('/mfa-devices'));
    if ((devices.MFADevices || []).length > 0) {
      show('mfa-code');
      $('mfa-code-input').value = '';
      $('mfa-code-input').focus();
    } else {
      showMfaSetup();
    }
  }

  function showMfaSetup() {
    $('mfa-create').hidden = false;
    $('mfa-enable').hidden = true;
    $('mfa-done').hidden = true;
    $('mfa-enable-form').reset();
    show('mfa-setup');
  }

  // ---- sign-in ----

  async function signIn() {
    status('');
    const answer = await api('POST', '/api/login',
      { UserName: $('user-name').value, Password: $('password').value });
    state.user = answer.UserName;
    state.csrf = answer.CsrfToken;
    $('password').value = '';
    if (answer.MfaRequired) {
      show('mfa-code');
      $('mfa-code-input').value = '';
      $('mfa-code-input').focus();
    } else {
      await route();
    }
  }

  async function signInMfa() {
    const answer = await api('POST', '/api/login/mfa', { AuthenticationCode: $('mfa-code-input').value.trim() });
    state.csrf = answer.CsrfToken;
    $('mfa-code-input').value = '';
    status('Signed in with MFA.', 'ok');
    await route();
  }

  async function signOut() {
    try {
      await api('POST', '/api/logout');
    } finally {
      showSignIn();
      status('Signed out.', 'ok');
    }
  }

  // ---- MFA set-up (allowed without MFA by the seed policy) ----

  let pendingSerial = null;

  async function createVirtualDevice() {
    const answer = await api('POST', `/api/mfa/virtual-devices/${enc(state.user)}`);
    const device = answer.VirtualMFADevice;
    pendingSerial = device.SerialNumber;
    $('mfa-qr').src = `data:image/png;base64,${device.QRCodePNG}`;
    $('mfa-seed').textContent = device.Base32StringSeed;
    $('mfa-create').hidden = true;
    $('mfa-enable').hidden = false;
    $('mfa-code1').focus();
    status('Virtual MFA device created. Enter two consecutive codes.', 'ok');
  }

  async function enableDevice() {
    await api('POST', userPath('/mfa-devices'), {
      SerialNumber: pendingSerial,
      AuthenticationCode1: $('mfa-code1').value.trim(),
      AuthenticationCode2: $('mfa-code2').value.trim(),
    });
    pendingSerial = null;
    $('mfa-enable').hidden = true;
    $('mfa-seed').textContent = '';
    $('mfa-qr').removeAttribute('src');
    $('mfa-done').hidden = false;
    status('MFA device enabled. Sign out and sign in again with a code.', 'ok');
  }

  // ---- credentials (after an MFA sign-in) ----

  function date(value) {
    if (!value) return '—';
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? String(value) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function button(label, id, action, secondary) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    if (id) b.id = id;
    if (secondary) b.className = 'secondary';
    b.addEventListener('click', guarded(action));
    return b;
  }

  function fill(tbodyId, items, render, empty) {
    const body = $(tbodyId);
    body.replaceChildren();
    if (items.length === 0) {
      const row = document.createElement('tr');
      const td = cell(row, empty);
      td.colSpan = 6;
      td.className = 'empty';
      body.appendChild(row);
      return;
    }
    for (const item of items) body.appendChild(render(item));
  }

  async function showCredentials(session) {
    $('account-id').textContent = session.AccountId;
    $('account-user').textContent = session.UserName;
    $('access-key-secret').hidden = true;
    $('git-credential-secret').hidden = true;
    show('credentials');
    const results = await Promise.allSettled([loadAccessKeys(), loadCertificates(), loadSshKeys(),
      loadGitCredentials(), loadMfaDevices()]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async function loadAccessKeys() {
    const answer = await api('GET', userPath('/access-keys'));
    fill('access-keys-list', answer.AccessKeyMetadata || [], (key) => {
      const row = document.createElement('tr');
      row.id = `access-key-${key.AccessKeyId}`;
      row.dataset.accessKeyId = key.AccessKeyId;
      cell(row, key.AccessKeyId).className = 'mono';
      cell(row, date(key.CreateDate));
      const used = key.AccessKeyLastUsed;
      cell(row, used && used.LastUsedDate ? date(used.LastUsedDate) : 'N/A');
      cell(row, key.Status);
      const actions = cell(row, '');
      const next = key.Status === 'Active' ? 'Inactive' : 'Active';
      actions.appendChild(button(next === 'Active' ? 'Activate' : 'Deactivate', `access-key-toggle-${key.AccessKeyId}`,
        async () => {
          await api('PATCH', userPath(`/access-keys/${enc(key.AccessKeyId)}`), { Status: next });
          status(`Access key ${key.AccessKeyId} is now ${next}.`, 'ok');
          await loadAccessKeys();
        }, true));
      actions.appendChild(button('Delete', `access-key-delete-${key.AccessKeyId}`, async () => {
        await api('DELETE', userPath(`/access-keys/${enc(key.AccessKeyId)}`));
        $('access-key-secret').hidden = true;
        status(`Access key ${key.AccessKeyId} deleted.`, 'ok');
        await loadAccessKeys();
      }, true));
      return row;
    }, 'No access keys.');
  }

  async function createAccessKey() {
    const answer = await api('POST', userPath('/access-keys'));
    const key = answer.AccessKey;
    $('new-access-key-id').textContent = key.AccessKeyId;
    $('new-secret-access-key').textContent = key.SecretAccessKey;
    $('access-key-secret').hidden = false;
    status(`Access key ${key.AccessKeyId} created.`, 'ok');
    await loadAccessKeys();
  }

  function hideSecret(boxId, codeIds) {
    for (const id of codeIds) $(id).textContent = '';
    $(boxId).hidden = true;
  }

  async function loadCertificates() {
    const answer = await api('GET', userPath('/signing-certificates'));
    fill('signing-certificates-list', answer.Certificates || [], (cert) => {
      const row = document.createElement('tr');
      row.id = `certificate-${cert.CertificateId}`;
      cell(row, cert.CertificateId);
      cell(row, date(cert.UploadDate));
      cell(row, cert.Status);
      const actions = cell(row, '');
      const next = cert.Status === 'Active' ? 'Inactive' : 'Active';
      actions.appendChild(button(next === 'Active' ? 'Activate' : 'Deactivate', null, async () => {
        await api('PATCH', userPath(`/signing-certificates/${enc(cert.CertificateId)}`), { Status: next });
        await loadCertificates();
      }, true));
      actions.appendChild(button('Delete', `certificate-delete-${cert.CertificateId}`, async () => {
        await api('DELETE', userPath(`/signing-certificates/${enc(cert.CertificateId)}`));
        status(`Certificate ${cert.CertificateId} deleted.`, 'ok');
        await loadCertificates();
      }, true));
      return row;
    }, 'No signing certificates.');
  }

  async function uploadCertificate() {
    const answer = await api('POST', userPath('/signing-certificates'), { CertificateBody: $('certificate-body').value });
    $('certificate-form').reset();
    status(`Certificate ${answer.Certificate.CertificateId} uploaded.`, 'ok');
    await loadCertificates();
  }

  async function loadSshKeys() {
    const answer = await api('GET', userPath('/ssh-public-keys'));
    fill('ssh-keys-list', answer.SSHPublicKeys || [], (key) => {
      const row = document.createElement('tr');
      row.id = `ssh-key-${key.SSHPublicKeyId}`;
      cell(row, key.SSHPublicKeyId);
      cell(row, date(key.UploadDate));
      cell(row, key.Status);
      const actions = cell(row, '');
      const next = key.Status === 'Active' ? 'Inactive' : 'Active';
      actions.appendChild(button(next === 'Active' ? 'Activate' : 'Deactivate', null, async () => {
        await api('PATCH', userPath(`/ssh-public-keys/${enc(key.SSHPublicKeyId)}`), { Status: next });
        await loadSshKeys();
      }, true));
      actions.appendChild(button('Delete', `ssh-key-delete-${key.SSHPublicKeyId}`, async () => {
        await api('DELETE', userPath(`/ssh-public-keys/${enc(key.SSHPublicKeyId)}`));
        status(`SSH key ${key.SSHPublicKeyId} deleted.`, 'ok');
        await loadSshKeys();
      }, true));
      return row;
    }, 'No SSH public keys.');
  }

  async function uploadSshKey() {
    const answer = await api('POST', userPath('/ssh-public-keys'), { SSHPublicKeyBody: $('ssh-key-body').value.trim() });
    $('ssh-key-form').reset();
    status(`SSH key ${answer.SSHPublicKey.SSHPublicKeyId} uploaded.`, 'ok');
    await loadSshKeys();
  }

  async function loadGitCredentials() {
    const answer = await api('GET', userPath(`/service-specific-credentials?ServiceName=${enc(GIT_SERVICE)}`));
    fill('git-credentials-list', answer.ServiceSpecificCredentials || [], (cred) => {
      const row = document.createElement('tr');
      const id = cred.ServiceSpecificCredentialId;
      row.id = `git-credential-${id}`;
      cell(row, cred.ServiceUserName);
      cell(row, date(cred.CreateDate));
      cell(row, cred.Status);
      const actions = cell(row, '');
      const next = cred.Status === 'Active' ? 'Inactive' : 'Active';
      actions.appendChild(button(next === 'Active' ? 'Activate' : 'Deactivate', null, async () => {
        await api('PATCH', userPath(`/service-specific-credentials/${enc(id)}`), { Status: next });
        await loadGitCredentials();
      }, true));
      actions.appendChild(button('Delete', `git-credential-delete-${id}`, async () => {
        await api('DELETE', userPath(`/service-specific-credentials/${enc(id)}`));
        status(`Git credentials ${cred.ServiceUserName} deleted.`, 'ok');
        await loadGitCredentials();
      }, true));
      return row;
    }, 'No HTTPS Git credentials.');
  }

  async function createGitCredential() {
    const answer = await api('POST', userPath('/service-specific-credentials'), { ServiceName: GIT_SERVICE });
    const cred = answer.ServiceSpecificCredential;
    $('new-git-user').textContent = cred.ServiceUserName;
    $('new-git-user').dataset.credentialId = cred.ServiceSpecificCredentialId;
    $('new-git-password').textContent = cred.ServicePassword;
    $('git-credential-secret').hidden = false;
    status('Git credentials generated.', 'ok');
    await loadGitCredentials();
  }

  async function loadMfaDevices() {
    const answer = await api('GET', userPath('/mfa-devices'));
    fill('mfa-devices-list', answer.MFADevices || [], (device) => {
      const row = document.createElement('tr');
      const name = deviceName(device.SerialNumber);
      cell(row, device.SerialNumber);
      cell(row, date(device.EnableDate));
      const actions = cell(row, '');
      actions.appendChild(button('Remove', `mfa-remove-${name}`, async () => {
        if (!window.confirm(`Remove MFA device ${name}? You will have to set up MFA again.`)) return;
        await api('DELETE', userPath(`/mfa-devices/${enc(name)}`));
        try {
          await api('DELETE', `/api/mfa/virtual-devices/${enc(name)}`);
        } catch (e) {
          // The virtual device stays; only its assignment is gone.
        }
        status(`MFA device ${name} removed.`, 'ok');
        await loadMfaDevices();
      }, true));
      return row;
    }, 'No MFA devices.');
  }

  async function changePassword() {
    await api('POST', userPath('/password'),
      { OldPassword: $('old-password').value, NewPassword: $('new-password').value });
    $('password-form').reset();
    status('Password changed.', 'ok');
  }

  // ---- wiring ----

  document.addEventListener('DOMContentLoaded', () => {
    $('sign-in-form').addEventListener('submit', guarded(signIn));
    $('mfa-code-form').addEventListener('submit', guarded(signInMfa));
    $('sign-out').addEventListener('click', guarded(signOut));
    $('mfa-create').addEventListener('click', guarded(createVirtualDevice));
    $('mfa-enable-form').addEventListener('submit', guarded(enableDevice));
    $('password-form').addEventListener('submit', guarded(changePassword));
    $('access-key-create').addEventListener('click', guarded(createAccessKey));
    $('access-key-secret-close').addEventListener('click',
      () => hideSecret('access-key-secret', ['new-access-key-id', 'new-secret-access-key']));
    $('certificate-form').addEventListener('submit', guarded(uploadCertificate));
    $('ssh-key-form').addEventListener('submit', guarded(uploadSshKey));
    $('git-credential-create').addEventListener('click', guarded(createGitCredential));
    $('git-credential-secret-close').addEventListener('click',
      () => hideSecret('git-credential-secret', ['new-git-user', 'new-git-password']));

    guarded(async () => {
      try {
        await route();
      } catch (e) {
        if (e.httpStatus === 401 || e.httpStatus === 403) {
          showSignIn();
          return;
        }
        showSignIn();
        throw e;
      }
    })();
  });
})();
