import { dispatch } from './dispatch';

void dispatch('main');
