// The review meeting page (Pages/Meetings/Room.cshtml): joins the meeting's hub, draws the server's view of it,
// and sends what people add. Every text goes in with textContent: nothing typed is ever parsed as HTML.
(() => {
  'use strict';
  const root = document.getElementById('meeting');
  if (!root || !window.signalR) {
    return;
  }

  const id = root.dataset.meeting;
  const me = root.dataset.user;
  const $ = (selector) => document.querySelector(selector);
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/meeting').withAutomaticReconnect().build();
  let view = null;
  let clockOffset = 0;
  let partEnds = 0;

  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }

    if (className) {
      node.className = className;
    }

    return node;
  };

  const status = (text, isError) => {
    const node = $('#connection');
    node.textContent = text;
    node.className = isError ? 'error' : 'muted';
  };

  const clock = (seconds) => {
    const over = seconds < 0;
    const s = Math.abs(seconds);
    const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    return over ? `${text} over` : `${text} left`;
  };

  const tick = () => {
    if (!view) {
      return;
    }

    const timer = $('#timer');
    if (view.closed) {
      timer.textContent = 'closed';
      return;
    }

    timer.textContent = clock(Math.round((partEnds - (Date.now() + clockOffset)) / 1000));
    timer.className = partEnds < Date.now() + clockOffset ? 'timer over' : 'timer';
  };

  const drawTips = (list, tips) => {
    list.replaceChildren(...tips.map((t) => {
      const item = el('li', t.tip, 'tip');
      item.append(el('span', ` (${t.rule}: ${t.finding})`, 'muted'));
      return item;
    }));
  };

  const refuse = (error) => status(error && error.message ? error.message.replace(/^.*HubException: /, '') : String(error), true);

  const actionRow = (a) => {
    const row = el('tr');
    row.dataset.id = a.id;
    row.append(el('td', a.votes, 'votes'), el('td', a.text, 'text'), el('td', `${a.type} (${a.leverage})`), el('td', a.effort || '—'),
      el('td', a.vague ? 'vague: name a metric, threshold or alert' : '', a.vague ? 'warning' : ''));
    const owner = el('input');
    owner.className = 'owner';
    owner.setAttribute('aria-label', 'Owner');
    owner.value = a.owner || '';
    const due = el('input');
    due.type = 'date';
    due.className = 'due';
    due.setAttribute('aria-label', 'Due date');
    due.value = a.due || '';
    const save = el('button', 'Save', 'assign');
    save.type = 'button';
    save.addEventListener('click', () => connection.invoke('Assign', id, a.id, owner.value, due.value).then(() => status('saved'), refuse));
    const vote = el('button', a.voters.includes(me) ? 'Take back vote' : 'Vote', 'vote');
    vote.type = 'button';
    vote.addEventListener('click', () => connection.invoke('Vote', id, a.id).catch(refuse));
    const ownerCell = el('td');
    ownerCell.append(owner);
    const dueCell = el('td');
    dueCell.append(due);
    const buttons = el('td');
    buttons.append(vote, save);

    // The meeting's factors this action addresses: one toggle per factor, pressed when linked.
    const links = el('td', null, 'links');
    view.factors.forEach((f, i) => {
      const linked = a.factors.includes(i);
      const toggle = el('button', `${f.category}: ${f.text}`, linked ? 'link linked' : 'link');
      toggle.type = 'button';
      toggle.setAttribute('aria-pressed', String(linked));
      toggle.addEventListener('click', () => connection.invoke('Link', id, a.id, i).catch(refuse));
      links.append(toggle);
    });
    row.append(ownerCell, dueCell, buttons, links);
    return row;
  };

  const draw = (next) => {
    view = next;
    clockOffset = Date.parse(view.serverNow) - Date.now();
    partEnds = Date.now() + clockOffset + (view.secondsLeft * 1000);
    $('#part-title').textContent = view.parts[view.part].title;
    document.querySelectorAll('#parts li').forEach((item, i) => {
      item.className = i === view.part ? 'current' : i < view.part ? 'done' : '';
    });
    $('#factors').replaceChildren(...view.factors.map((f) => {
      const item = el('li');
      item.append(el('span', f.category, 'tag'), ' ', el('span', f.text, 'text'), ' ', el('span', `— ${f.author}`, 'muted'));
      return item;
    }));

    // A row whose owner or date is being typed keeps what is typed; the others are drawn again in the new order.
    const body = $('#actions tbody');
    const focused = document.activeElement;
    const editing = body.contains(focused) && focused.tagName === 'INPUT' ? focused.closest('tr') : null;
    body.replaceChildren(...view.actions.map((a) => (editing && editing.dataset.id === a.id ? editing : actionRow(a))));
    if (view.closed) {
      document.querySelectorAll('form.live button, #actions button, #next-part').forEach((b) => { b.disabled = true; });
      if (view.outcome && !$('#outcome').textContent.trim()) {
        const o = view.outcome;
        const list = el('ul');
        list.append(el('li', `Action item review: ${o.actionReview || 'not known'}`), el('li', `Retro check-in: ${o.retroCheckIn || o.retroRule}`));
        $('#outcome').replaceChildren(el('p', `Closed: ${o.addedLines} lines added to ${view.path}.`), list);
      }
    }

    tick();
  };

  const live = (form, text, action, tipsList, send) => {
    let timer = 0;
    text.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const asked = text.value;
        connection.invoke('Tips', asked, action).then((tips) => {
          // A reply to text since changed would show tips for words no longer there.
          if (text.value === asked) drawTips(tipsList, tips);
        }, () => {});
      }, 400);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      // A tips request still waiting would ask about the text being sent and redraw over the reply's tips.
      clearTimeout(timer);
      const sent = text.value;
      send().then((tips) => {
        // Typing goes on while the server answers: only clear the field if it still holds what was sent.
        if (text.value === sent) {
          drawTips(tipsList, tips);
          text.value = '';
        }
        status('added');
      }, refuse);
    });
  };

  live($('#factor-form'), $('#factor-text'), false, $('#factor-tips'), () => connection.invoke('AddFactor', id, $('#factor-category').value, $('#factor-text').value));
  live($('#action-form'), $('#action-text'), true, $('#action-tips'), () => connection.invoke('AddAction', id, $('#action-text').value, $('#action-type').value, $('#action-effort').value || null));
  const next = $('#next-part');
  if (next) {
    next.addEventListener('click', () => connection.invoke('Next', id).catch(refuse));
  }

  connection.on('state', draw);
  const join = () => connection.invoke('Join', id).then((v) => {
    draw(v);
    status('live');
  }, refuse);
  connection.onreconnecting(() => status('reconnecting…', true));
  connection.onreconnected(join);
  connection.onclose(() => status('disconnected: reload the page to rejoin', true));
  connection.start().then(join, refuse);
  setInterval(tick, 1000);
})();
