// Fake of wailsjs/go/main/App.js
import { fake } from '../../backend';

export const Status = () => fake.invoke('App.Status', [], () => fake.status);
