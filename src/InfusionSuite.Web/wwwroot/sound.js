// An audible alert for a new alarm or prompt on the strip: off by default on each device, on with one tap
// (remembered in this browser). The same words are always on screen: nothing depends on sound alone.
const storageKey = 'infusionsuite.sound';

export function setUpSound(button) {
  let on = localStorage.getItem(storageKey) === 'on';
  let known = null;
  let audio = null;

  const show = () => {
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? 'Sound on' : 'Sound off';
  };
  show();
  button.addEventListener('click', () => {
    on = !on;
    localStorage.setItem(storageKey, on ? 'on' : 'off');
    show();
    if (on) beep(); // the tap is the user gesture that lets the page play sound
  });

  function beep() {
    try {
      audio ??= new AudioContext();
      const now = audio.currentTime;
      for (const start of [0, 0.35]) {
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = 880;
        gain.gain.setValueAtTime(0.3, now + start);
        gain.gain.exponentialRampToValueAtTime(0.001, now + start + 0.3);
        tone.connect(gain).connect(audio.destination);
        tone.start(now + start);
        tone.stop(now + start + 0.3);
      }
      document.body.dataset.lastAlert = String(Date.now());
    } catch {
      // no audio on this device: the words on screen remain
    }
  }

  return {
    /** Sounds once when the strip shows an alarm or prompt it did not show before (not for what was there on load). */
    notice(items) {
      const keys = new Set(items.map(i => i.controllerId + '|' + i.kind + '|' + i.text));
      const fresh = known !== null && [...keys].some(k => !known.has(k));
      known = keys;
      if (fresh && on) beep();
    },
  };
}
